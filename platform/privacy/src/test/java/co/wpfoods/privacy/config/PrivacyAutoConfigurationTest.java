package co.wpfoods.privacy.config;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.privacy.adapter.in.kafka.ErasureListener;
import co.wpfoods.privacy.application.ExpiredRecords;
import co.wpfoods.privacy.application.ForgettingPeople;
import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.privacy.application.PurgingExpiredRecords;
import co.wpfoods.privacy.domain.ErasureResult;
import co.wpfoods.schemas.serde.AvroSerde;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Which parts of the kit a service gets, from what it declares and its properties (no database is reached). */
class PrivacyAutoConfigurationTest {

    static final DataSource NOWHERE = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:9/nowhere");
    static final PersonalData NOTHING_TO_ERASE = request -> new ErasureResult(0, 0, "nothing");
    static final ExpiredRecords NOTHING_EXPIRED = (before, batch) -> 0;

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ErasureParticipantAutoConfiguration.class,
                    RetentionAutoConfiguration.class,
                    PersonalDataAtRestAutoConfiguration.class,
                    PrivacySchedulerAutoConfiguration.class))
            .withPropertyValues("spring.application.name=billing-service")
            .withBean(DataSource.class, () -> NOWHERE)
            .withBean(
                    Inbox.class,
                    () -> new Inbox(
                            JdbcClient.create(NOWHERE),
                            new TransactionTemplate(new DataSourceTransactionManager(NOWHERE))))
            .withBean(
                    OutboxWriter.class,
                    () -> new OutboxWriter(JdbcClient.create(NOWHERE), NOWHERE, AvroSerde.standard(), 1_000_000));

    @Test
    void a_service_without_personal_data_gets_no_part_of_the_kit() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ErasureListener.class);
            assertThat(context).doesNotHaveBean(ForgettingPeople.class);
            assertThat(context).doesNotHaveBean(PurgingExpiredRecords.class);
            assertThat(context).doesNotHaveBean(RecurringTask.class);
        });
    }

    @Test
    void a_service_that_declares_its_personal_data_takes_part_under_its_own_name() {
        runner.withBean(PersonalData.class, () -> NOTHING_TO_ERASE).run(context -> {
            assertThat(context).hasSingleBean(ForgettingPeople.class);
            assertThat(context.getBean(ErasureListener.class).consumer()).isEqualTo("billing-service.privacy-erasure");
        });
    }

    @Test
    void with_the_listener_switched_off_the_service_still_erases_but_does_not_listen() {
        runner.withBean(PersonalData.class, () -> NOTHING_TO_ERASE)
                .withPropertyValues("wpfoods.privacy.erasure-listener.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(ForgettingPeople.class);
                    assertThat(context).doesNotHaveBean(ErasureListener.class);
                });
    }

    @Test
    void a_service_can_tie_the_listener_to_its_own_switch_as_ai_service_does() {
        var aiService = runner.withBean(PersonalData.class, () -> NOTHING_TO_ERASE)
                .withPropertyValues("wpfoods.privacy.erasure-listener.enabled=${wpfoods.ai.kafka.enabled:true}");

        aiService
                .withPropertyValues("wpfoods.ai.kafka.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ErasureListener.class));
        aiService.run(context -> assertThat(context).hasSingleBean(ErasureListener.class));
    }

    @Test
    void expired_records_get_a_retention_task_under_the_configured_name_and_period() {
        runner.withBean(ExpiredRecords.class, () -> NOTHING_EXPIRED)
                .withPropertyValues(
                        "wpfoods.privacy.retention.task-name=archive-retention",
                        "wpfoods.privacy.retention.period=${wpfoods.billing.retention.archive:90d}",
                        "wpfoods.billing.retention.archive=45d")
                .run(context -> {
                    assertThat(context.getBean(PurgingExpiredRecords.class).retention())
                            .isEqualTo(Duration.ofDays(45));
                    assertThat(context.getBean("privacyRetentionTask", RecurringTask.class)
                                    .getName())
                            .isEqualTo("archive-retention");
                });
    }

    @Test
    void expired_records_without_a_task_name_stop_the_service_with_the_property_to_set() {
        runner.withBean(ExpiredRecords.class, () -> NOTHING_EXPIRED)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("wpfoods.privacy.retention.task-name"));
    }

    @Test
    void the_kits_scheduler_is_off_unless_the_service_has_none_of_its_own() {
        runner.withBean(ExpiredRecords.class, () -> NOTHING_EXPIRED)
                .withPropertyValues("wpfoods.privacy.retention.task-name=archive-retention")
                .run(context -> {
                    assertThat(context).hasBean("privacyRetentionTask");
                    assertThat(context).doesNotHaveBean(Scheduler.class);
                });
    }
}
