package co.wpfoods.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Wires {@link EmbeddedInfra} into Spring's test context (registered in META-INF/spring.factories). */
public class EmbeddedInfraContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        EmbeddedInfra infra = AnnotatedElementUtils.findMergedAnnotation(testClass, EmbeddedInfra.class);
        return infra == null ? null : new Customizer(testClass, infra.kafka());
    }

    /** Equal only for the same test class, so every class gets its own context and database. */
    private record Customizer(Class<?> testClass, boolean kafka) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            PostgresServer postgres = PostgresServer.shared();
            String database = postgres.createDatabase(testClass.getSimpleName());
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", postgres.jdbcUrl(database));
            properties.put("spring.datasource.username", PostgresServer.USER);
            properties.put("spring.datasource.password", PostgresServer.PASSWORD);
            properties.put("wpfoods.test.database", database);
            // contexts stay cached and keep listening: a group per class keeps one test's records away from another's
            properties.put("spring.kafka.consumer.group-id", "${spring.application.name:test}-" + database);
            // a test's replication slot would otherwise hold WAL on the shared server until the JVM ends
            properties.put("wpfoods.outbox.drop-slot-on-stop", "true");
            if (kafka) {
                properties.put(
                        "spring.kafka.bootstrap-servers", KafkaServer.shared().bootstrapServers());
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("wpfoods-embedded-infra", properties));
        }
    }
}
