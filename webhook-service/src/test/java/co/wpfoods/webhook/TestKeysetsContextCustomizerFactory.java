package co.wpfoods.webhook;

import co.wpfoods.security.crypto.Keysets;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context of webhook-service the personal-data keysets, generated once per test JVM (nothing
 * committed), as the launcher and the secret store do for a running service. (Registered in META-INF/spring.factories;
 * the security module's test-jar does the same for services that are resource servers.)
 */
public class TestKeysetsContextCustomizerFactory implements ContextCustomizerFactory {

    static final Map<String, Object> KEYS = Map.of(
            "wpfoods.security.keys.personal-data", Keysets.newPersonalDataKeyset(),
            "wpfoods.security.keys.lookup", Keysets.newLookupKeyset());

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** Stateless, so equal for every test class: it never splits Spring's context cache. */
    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("wpfoods-test-keysets", KEYS));
        }
    }
}
