package co.wpfoods.security.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wpfoods.security.keys.*}: the Tink keysets (JSON) from the environment
 * ({@code WPFOODS_SECURITY_KEYS_PERSONALDATA}, {@code WPFOODS_SECURITY_KEYS_LOOKUP}); never in a
 * file of the repository. The launcher generates local ones under {@code .data/security}, tests per run.
 */
@ConfigurationProperties("wpfoods.security.keys")
public record DataProtectionProperties(String personalData, String lookup) {}
