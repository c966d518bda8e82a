package co.wpfoods.webhook.receiving.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.webhook.WebhookFixtures;
import co.wpfoods.webhook.receiving.application.ParsedWebhook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MetaEnvelopeParserProperties {

    static final String JSON_PUNCTUATION = "{}[]\",:0n-";
    static final Instant RECEIVED = Instant.parse("2026-11-26T12:00:00Z");

    static final List<String> MESSAGE_FIXTURES = List.of(
            "text",
            "interactive-button-reply",
            "interactive-list-reply",
            "interactive-nfm-reply",
            "button",
            "location",
            "image",
            "audio-voice",
            "video",
            "document",
            "sticker",
            "reaction",
            "reaction-removed",
            "order",
            "contacts",
            "system",
            "unsupported",
            "unknown-type",
            "text-with-referral",
            "text-forwarded",
            "text-referred-product",
            "text-bsuid");
    static final List<String> STATUS_FIXTURES =
            List.of("sent", "delivered", "read", "played", "failed", "free-customer-service", "bsuid");

    final MetaEnvelopeParser parser = new MetaEnvelopeParser();

    /** Parsing either yields records or refuses the body as malformed: nothing else may escape. */
    private void parsesOrRefuses(byte[] body) {
        try {
            ParsedWebhook parsed = parser.parse(body, RECEIVED);
            assertThat(parsed.items()).isNotNull();
        } catch (MalformedWebhookException expected) {
            assertThat(expected.reason())
                    .isIn(
                            "empty_body",
                            "malformed_json",
                            "not_an_object",
                            "not_a_whatsapp_envelope",
                            "no_entry",
                            "no_changes",
                            "malformed_change");
        }
    }

    @Property(tries = 300)
    void random_bytes_are_parsed_or_refused_never_crash(@ForAll @Size(max = 400) byte[] body) {
        parsesOrRefuses(body);
    }

    @Property(tries = 500)
    void mutated_envelopes_are_parsed_or_refused_never_crash(
            @ForAll("fixtureBodies") byte[] body,
            @ForAll @IntRange(min = 1, max = 8) int mutations,
            @ForAll("seeds") long seed) {
        byte[] mutated = body.clone();
        var random = new java.util.Random(seed);
        for (int i = 0; i < mutations && mutated.length > 0; i++) {
            int at = random.nextInt(mutated.length);
            switch (random.nextInt(3)) {
                case 0 -> mutated[at] = (byte) random.nextInt(256);
                case 1 -> mutated[at] = (byte) JSON_PUNCTUATION.charAt(random.nextInt(JSON_PUNCTUATION.length()));
                default -> {
                    byte[] shorter = new byte[mutated.length - 1];
                    System.arraycopy(mutated, 0, shorter, 0, at);
                    System.arraycopy(mutated, at + 1, shorter, at, mutated.length - at - 1);
                    mutated = shorter;
                }
            }
        }
        parsesOrRefuses(mutated);
    }

    @Property(tries = 300)
    void random_json_trees_with_meta_property_names_never_crash(@ForAll("jsonObjects") String json) {
        parsesOrRefuses(json.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void a_well_formed_envelope_yields_exactly_one_record_per_message_and_status(
            @ForAll("envelopeShapes") List<List<int[]>> shape, @ForAll("seeds") long seed) {
        var random = new java.util.Random(seed);
        int expected = 0;
        List<String> entries = new ArrayList<>();
        for (List<int[]> changes : shape) {
            List<String> changeJson = new ArrayList<>();
            for (int[] counts : changes) {
                List<String> messages = new ArrayList<>();
                for (int m = 0; m < counts[0]; m++) {
                    messages.add(
                            WebhookFixtures.message(MESSAGE_FIXTURES.get(random.nextInt(MESSAGE_FIXTURES.size()))));
                }
                List<String> statuses = new ArrayList<>();
                for (int s = 0; s < counts[1]; s++) {
                    statuses.add(WebhookFixtures.status(STATUS_FIXTURES.get(random.nextInt(STATUS_FIXTURES.size()))));
                }
                expected += counts[0] + counts[1];
                changeJson.add("""
                        { "field": "messages", "value": { "messaging_product": "whatsapp",
                          "metadata": { "display_phone_number": "573150000000", "phone_number_id": "1065" },
                          "contacts": [ { "profile": { "name": "Camila" }, "wa_id": "573001234567" } ],
                          "messages": [ %s ], "statuses": [ %s ] } }""".formatted(String.join(",", messages), String.join(",", statuses)));
            }
            entries.add("{ \"id\": \"1022\", \"changes\": [ %s ] }".formatted(String.join(",", changeJson)));
        }
        String body =
                "{ \"object\": \"whatsapp_business_account\", \"entry\": [ %s ] }".formatted(String.join(",", entries));

        ParsedWebhook parsed = parser.parse(body.getBytes(StandardCharsets.UTF_8), RECEIVED);

        assertThat(parsed.items()).hasSize(expected);
        assertThat(parsed.messageCount() + parsed.statusCount()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<byte[]> fixtureBodies() {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(WebhookFixtures.envelope("batch"));
        bodies.add(WebhookFixtures.envelope("bsuid-contacts"));
        for (String name : MESSAGE_FIXTURES) {
            bodies.add(WebhookFixtures.messagesEnvelope(List.of(WebhookFixtures.message(name))));
        }
        for (String name : STATUS_FIXTURES) {
            bodies.add(WebhookFixtures.statusesEnvelope(List.of(WebhookFixtures.status(name))));
        }
        return Arbitraries.of(bodies);
    }

    @Provide
    Arbitrary<List<List<int[]>>> envelopeShapes() {
        Arbitrary<int[]> counts = Combinators.combine(
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 6))
                .as((m, s) -> new int[] {m, s});
        return counts.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(3);
    }

    static final List<String> NAMES = List.of(
            "object",
            "entry",
            "id",
            "changes",
            "field",
            "value",
            "messages",
            "statuses",
            "contacts",
            "metadata",
            "phone_number_id",
            "from",
            "type",
            "timestamp",
            "text",
            "body",
            "interactive",
            "button_reply",
            "location",
            "latitude",
            "order",
            "product_items",
            "quantity",
            "item_price",
            "errors",
            "code",
            "context",
            "referral",
            "reaction",
            "emoji",
            "status",
            "recipient_id",
            "pricing",
            "wa_id",
            "user_id");

    @Provide
    Arbitrary<String> jsonObjects() {
        return jsonObject(4);
    }

    private Arbitrary<String> jsonObject(int depth) {
        Arbitrary<String> value = jsonValue(depth - 1);
        Arbitrary<String> member =
                Combinators.combine(Arbitraries.of(NAMES), value).as((name, v) -> "\"" + name + "\": " + v);
        return member.list().ofMaxSize(5).map(members -> "{" + String.join(",", members) + "}");
    }

    private Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "\"\"", "\"messages\"", "\"text\"", "\"read\"", "1e400"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("Infinity") && !s.contains("NaN")),
                Arbitraries.strings().alpha().numeric().ofMaxLength(12).map(s -> "\"" + s + "\""));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> jsonValue(depth - 1))
                .list()
                .ofMaxSize(4)
                .map(values -> "[" + String.join(",", values) + "]");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar),
                net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(2, Arbitraries.lazy(() -> jsonObject(depth - 1))));
    }
}
