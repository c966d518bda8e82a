package co.wpfoods.payment.reconciliation.adapter.out.db;

import co.wpfoods.payment.payment.application.Page;
import co.wpfoods.payment.reconciliation.application.ReconciliationReports;
import co.wpfoods.payment.reconciliation.domain.ReconciliationReport;
import co.wpfoods.payment.reconciliation.domain.ReconciliationReport.Difference;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reconciliation reports in tables {@code reconciliation_report} and {@code reconciliation_difference}. */
@Repository
public class JdbcReconciliationReports implements ReconciliationReports {

    private final JdbcClient jdbc;

    JdbcReconciliationReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(ReconciliationReport r) {
        jdbc.sql("INSERT INTO reconciliation_report (id, provider, period_from, period_to, checked, differences,"
                        + " created_at) VALUES (:id, :provider, :from, :to, :checked, :differences, :at)")
                .param("id", r.id())
                .param("provider", r.provider())
                .param("from", Timestamp.from(r.from()))
                .param("to", Timestamp.from(r.to()))
                .param("checked", r.checked())
                .param("differences", r.differenceCount())
                .param("at", Timestamp.from(r.createdAt()))
                .update();
        for (Difference d : r.differences()) {
            jdbc.sql("INSERT INTO reconciliation_difference (report_id, kind, payment_id, order_id, provider_reference,"
                            + " our_amount_cop, provider_amount_cop, detail)"
                            + " VALUES (:id, :kind, :paymentId, :orderId, :ref, :ours, :theirs, :detail)")
                    .param("id", r.id())
                    .param("kind", d.kind().name())
                    .param("paymentId", d.paymentId())
                    .param("orderId", d.orderId())
                    .param("ref", d.providerReference())
                    .param("ours", d.ourAmountCop())
                    .param("theirs", d.providerAmountCop())
                    .param("detail", d.detail())
                    .update();
        }
    }

    @Override
    public Optional<ReconciliationReport> find(String id) {
        return jdbc.sql("SELECT * FROM reconciliation_report WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> report(rs, List.of()))
                .optional()
                .map(r -> new ReconciliationReport(
                        r.id(),
                        r.provider(),
                        r.from(),
                        r.to(),
                        r.checked(),
                        r.differenceCount(),
                        differences(r.id()),
                        r.createdAt()));
    }

    @Override
    public Page<ReconciliationReport> page(int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM reconciliation_report")
                .query(Long.class)
                .single();
        var items = jdbc.sql("SELECT * FROM reconciliation_report ORDER BY created_at DESC LIMIT :limit OFFSET :offset")
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> report(rs, List.of()))
                .list();
        return new Page<>(items, page, size, total);
    }

    private List<Difference> differences(String reportId) {
        return jdbc.sql("SELECT * FROM reconciliation_difference WHERE report_id = :id ORDER BY kind, payment_id")
                .param("id", reportId)
                .query((rs, row) -> new Difference(
                        ReconciliationReport.Kind.valueOf(rs.getString("kind")),
                        rs.getString("payment_id"),
                        rs.getString("order_id"),
                        rs.getString("provider_reference"),
                        rs.getObject("our_amount_cop", Long.class),
                        rs.getObject("provider_amount_cop", Long.class),
                        rs.getString("detail")))
                .list();
    }

    private static ReconciliationReport report(java.sql.ResultSet rs, List<Difference> differences)
            throws java.sql.SQLException {
        return new ReconciliationReport(
                rs.getString("id"),
                rs.getString("provider"),
                rs.getTimestamp("period_from").toInstant(),
                rs.getTimestamp("period_to").toInstant(),
                rs.getInt("checked"),
                rs.getInt("differences"),
                differences,
                rs.getTimestamp("created_at").toInstant());
    }
}
