package co.wpfoods.order.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The customer's texts as the service formats them (the bundles with the settings of application.properties). */
class CustomerTextsTest {

    static final Locale ES = Locale.forLanguageTag("es-CO");
    static final Locale EN = Locale.ENGLISH;

    final ResourceBundleMessageSource messages = bundles();

    static ResourceBundleMessageSource bundles() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages", "i18n/privacy");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        source.setDefaultEncoding("UTF-8");
        return source;
    }

    String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Test
    void the_number_of_open_restaurants_is_said_in_the_singular_for_one_and_the_plural_for_more() {
        assertThat(t(ES, "restaurants.body", 1)).isEqualTo("Hay 1 restaurante abierto cerca de ti. Elige uno:");
        assertThat(t(ES, "restaurants.body", 3)).isEqualTo("Hay 3 restaurantes abiertos cerca de ti. Elige uno:");
        assertThat(t(EN, "restaurants.body", 1)).isEqualTo("1 restaurant near you is open. Pick one:");
        assertThat(t(EN, "restaurants.body", 4)).isEqualTo("4 restaurants near you are open. Pick one:");
    }

    @Test
    void the_cart_counts_products_with_a_real_plural() {
        assertThat(t(ES, "cart.total", 1, "$21.000")).isEqualTo("Llevas 1 producto: $21.000. ¿Qué sigue?");
        assertThat(t(ES, "cart.total", 3, "$79.800")).isEqualTo("Llevas 3 productos: $79.800. ¿Qué sigue?");
        assertThat(t(EN, "cart.total", 1, "$21.000")).isEqualTo("You have 1 item: $21.000. What next?");
        assertThat(t(EN, "cart.total", 12, "$99.000")).isEqualTo("You have 12 items: $99.000. What next?");
    }

    @Test
    void no_customer_text_writes_a_plural_with_parentheses() throws java.io.IOException {
        for (String bundle : new String[] {"messages", "messages_es_CO", "messages_en"}) {
            var texts = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/i18n/" + bundle + ".properties")) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(texts).isNotEmpty();
            texts.forEach((key, text) ->
                    assertThat(text.toString()).as(bundle + ": " + key).doesNotContain("(s)", "(es)"));
        }
    }
}
