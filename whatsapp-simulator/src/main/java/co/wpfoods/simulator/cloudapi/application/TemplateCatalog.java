package co.wpfoods.simulator.cloudapi.application;

import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition;
import java.util.Map;
import java.util.Optional;

/** Approved templates by {@code name/language}. */
public record TemplateCatalog(Map<String, TemplateDefinition> byKey) {
    public Optional<TemplateDefinition> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
