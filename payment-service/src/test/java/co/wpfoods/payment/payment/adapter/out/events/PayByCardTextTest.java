package co.wpfoods.payment.payment.adapter.out.events;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.payment.payment.domain.Language;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class PayByCardTextTest {

    @Test
    void the_card_payment_deadline_reads_as_one_sentence_in_spanish_and_english_whatever_the_hour() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);

        for (LocalTime time : new LocalTime[] {LocalTime.of(9, 57), LocalTime.of(21, 5)}) {
            for (Language language : Language.values()) {
                Locale locale = language.locale();
                String deadline = OutboxCustomerNotices.CLOCK.withLocale(locale).format(time);

                String body = messages.getMessage("pay.body", new Object[] {"$33.900", deadline}, locale);

                // "a. m." ends with its own period: the sentence must not add a second one
                assertThat(body).contains(deadline).doesNotContain("..");
            }
        }
    }
}
