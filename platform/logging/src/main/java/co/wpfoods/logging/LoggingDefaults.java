package co.wpfoods.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@link RedactingJsonMembers} the JSON members customizer of every WPFoods service, as a default a service or a
 * deployment may still override. Structured logging itself is switched on by the deployment
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} on Kubernetes); local runs keep Spring Boot's plain console format.
 * Runs before Spring Boot's logging system starts, which reads these properties.
 */
public class LoggingDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "wpfoodsLoggingDefaults";
    static final String CUSTOMIZER = "logging.structured.json.customizer";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(SOURCE_NAME, Map.of(CUSTOMIZER, RedactingJsonMembers.class.getName())));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
