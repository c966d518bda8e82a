package co.wpfoods.payment.reconciliation.application;

import co.wpfoods.payment.payment.application.Page;
import co.wpfoods.payment.reconciliation.domain.ReconciliationReport;
import java.util.Optional;

/** Where reconciliation reports are kept (port). */
public interface ReconciliationReports {

    void add(ReconciliationReport report);

    /** One report with its differences. */
    Optional<ReconciliationReport> find(String id);

    /** Reports newest first, without their differences (see {@link #find}). */
    Page<ReconciliationReport> page(int page, int size);
}
