package co.wpfoods.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service with this module on its classpath and JSON logs switched on writes no personal data. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogRedactionTest {

    @Configuration(proxyBeanMethods = false)
    static class AnyService {}

    @Test
    void json_log_lines_carry_no_phone_number_address_or_email(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(AnyService.class)
                .web(WebApplicationType.NONE)
                .properties("spring.application.name=redaction-test", "logging.structured.format.console=ecs")
                .run()) {
            LoggerFactory.getLogger("co.wpfoods.order")
                    .warn(
                            "Order for 573001234567 to Calle 85 # 12-34 failed",
                            new IllegalStateException("customer camila@example.co at +57 300 123 4567"));
        }

        List<JsonNode> lines = output.getOut()
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(line -> JsonMapper.shared().readTree(line))
                .toList();
        JsonNode line = lines.stream()
                .filter(json -> json.path("message").asString().startsWith("Order for"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON log line in:\n" + output.getOut()));

        assertThat(line.path("message").asString()).isEqualTo("Order for [phone] to [address] failed");
        assertThat(line.path("error").path("message").asString()).isEqualTo("customer [email] at [phone]");
        assertThat(line.path("error").path("stack_trace").asString())
                .contains("customer [email] at [phone]")
                .doesNotContain("3001234567")
                .doesNotContain("300 123 4567");
        assertThat(line.path("service").path("name").asString()).isEqualTo("redaction-test");
        assertThat(output.getOut()).doesNotContain("573001234567").doesNotContain("camila@example.co");
    }
}
