package co.wpfoods.payment.payment.adapter.in.web;

import co.wpfoods.payment.payment.application.CardProvider;
import co.wpfoods.payment.payment.application.LocalCheckouts;
import co.wpfoods.payment.payment.application.LocalCheckouts.Choice;
import co.wpfoods.payment.payment.application.LocalCheckouts.LocalSession;
import co.wpfoods.payment.payment.application.Money;
import co.wpfoods.payment.payment.application.Payments;
import co.wpfoods.payment.payment.domain.Language;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.domain.StripeAmounts;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The local card page (only when no Stripe key is set): the CTA link of a card payment opens it; a click pays,
 * declines or lets the payment expire, and the local provider sends the matching signed event to the webhook. It has
 * no card fields at all, so no card data can be typed into it. With a Stripe key it does not exist (404).
 */
@Controller
class LocalCardPage {

    private final LocalCheckouts provider;
    private final Payments payments;
    private final MessageSource messages;

    LocalCardPage(CardProvider cards, Payments payments, MessageSource messages) {
        this.provider = cards instanceof LocalCheckouts local ? local : null;
        this.payments = payments;
        this.messages = messages;
    }

    @GetMapping(path = "/local-card/checkout/{sessionId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String sessionId) {
        if (provider == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(html(Language.ES, "404", ""));
        }
        return provider.find(sessionId)
                .map(s -> ResponseEntity.ok(page(s, null)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(html(Language.ES, "404", "")));
    }

    @PostMapping(path = "/local-card/checkout/{sessionId}/{choice}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> choose(@PathVariable String sessionId, @PathVariable String choice) {
        Choice chosen;
        try {
            chosen = Choice.valueOf(choice.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(html(Language.ES, "400", "pay, decline or expire"));
        }
        if (provider == null || provider.find(sessionId).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(html(Language.ES, "404", ""));
        }
        LocalSession before = provider.find(sessionId).orElseThrow();
        LocalSession after = provider.choose(sessionId, chosen);
        Language language = languageOf(before);
        boolean acted = "open".equals(before.status()) && (chosen == Choice.DECLINE || !"open".equals(after.status()));
        String result = !acted
                ? msg(language, "localcard.closed", before.status())
                : switch (chosen) {
                    case PAY -> msg(language, "localcard.done.paid");
                    case DECLINE -> msg(language, "localcard.done.declined");
                    case EXPIRE -> msg(language, "localcard.done.expired");
                };
        return ResponseEntity.ok(page(after, result));
    }

    /** The page speaks the customer's language, kept on their payment (Spanish when it is not known). */
    private Language languageOf(LocalSession s) {
        if (s.paymentId() == null) {
            return Language.ES;
        }
        return payments.find(new PaymentId(s.paymentId()))
                .map(p -> p.order().customer().language())
                .orElse(Language.ES);
    }

    private String page(LocalSession s, String result) {
        Language language = languageOf(s);
        var body = new StringBuilder();
        body.append("<p>")
                .append(escape(s.description()))
                .append("</p><p style=\"font-size:1.6em\"><b>")
                .append(escape(Money.format(StripeAmounts.fromMinor(s.amountMinor()))))
                .append("</b></p>");
        if (result != null) {
            body.append("<p class=\"result\">").append(escape(result)).append("</p>");
        }
        if ("open".equals(s.status())) {
            body.append("<p>").append(escape(msg(language, "localcard.note"))).append("</p>");
            for (Choice c : Choice.values()) {
                String label = switch (c) {
                    case PAY -> msg(language, "localcard.pay");
                    case DECLINE -> msg(language, "localcard.decline");
                    case EXPIRE -> msg(language, "localcard.expire");
                };
                body.append("<form method=\"post\" action=\"/local-card/checkout/")
                        .append(escape(s.id()))
                        .append('/')
                        .append(c.name().toLowerCase(Locale.ROOT))
                        .append("\"><button id=\"")
                        .append(c.name().toLowerCase(Locale.ROOT))
                        .append("\" type=\"submit\">")
                        .append(escape(label))
                        .append("</button></form>");
            }
        } else if (result == null) {
            body.append("<p class=\"result\">")
                    .append(escape(msg(language, "localcard.closed", s.status())))
                    .append("</p>");
        }
        return html(language, msg(language, "localcard.title"), body.toString());
    }

    private static String html(Language language, String title, String body) {
        return "<!doctype html><html lang=\"" + language.code() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + escape(title) + "</title><style>body{font-family:sans-serif;max-width:26em;margin:2em auto;"
                + "padding:0 1em}button{display:block;width:100%;margin:.5em 0;padding:.8em;font-size:1.1em}"
                + "</style></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private String msg(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
