package co.wpfoods.security.crypto;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link PersonalDataCipher} and a {@link LookupHash} for a service whose environment holds the
 * keysets. A service that stores personal data injects them, so it does not start without its keys.
 */
@AutoConfiguration
@EnableConfigurationProperties(DataProtectionProperties.class)
public class DataProtectionAutoConfiguration {

    @Bean
    @ConditionalOnProperty("wpfoods.security.keys.personal-data")
    PersonalDataCipher personalDataCipher(DataProtectionProperties properties) {
        return new PersonalDataCipher(properties.personalData());
    }

    @Bean
    @ConditionalOnProperty("wpfoods.security.keys.lookup")
    LookupHash lookupHash(DataProtectionProperties properties) {
        return new LookupHash(properties.lookup());
    }
}
