package co.wpfoods.security.test;

import java.util.HashMap;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Makes every Spring test context trust {@link TestTokens}' key and gives it per-run keysets
 * (registered in this test-jar's META-INF/spring.factories). It adds the standard properties, so a
 * test runs the same resource-server code as production; it turns nothing off.
 */
public class TestSecurityContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** Stateless, so equal for every test class: it never splits Spring's context cache. */
    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment()
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "wpfoods-test-tokens", new HashMap<>(TestTokens.serviceProperties())));
        }
    }
}
