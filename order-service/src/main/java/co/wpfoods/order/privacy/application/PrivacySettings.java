package co.wpfoods.order.privacy.application;

import java.util.List;

/**
 * @param service this service's name in confirmations
 * @param erasureServices every service that must confirm an erasure before the person is told it is done
 * @param policyVersion the privacy policy version the consent question presents
 * @param erasedTemplate the approved template the "your data was deleted" message falls back to outside the 24-hour
 *     window
 */
public record PrivacySettings(
        String service, List<String> erasureServices, String policyVersion, String erasedTemplate) {

    public PrivacySettings {
        erasureServices = List.copyOf(erasureServices);
        if (erasureServices.isEmpty()) {
            throw new IllegalArgumentException("wpfoods.order.privacy.erasure-services must name at least one service");
        }
    }
}
