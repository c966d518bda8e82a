package co.wpfoods.webhook.receiving.adapter.in.web;

import static co.wpfoods.webhook.WebhookFixtures.message;
import static co.wpfoods.webhook.WebhookFixtures.messagesEnvelope;
import static co.wpfoods.webhook.WebhookFixtures.status;
import static co.wpfoods.webhook.WebhookFixtures.statusesEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.schemas.wa.DeliveryState;
import co.wpfoods.schemas.wa.DeliveryStatus;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import co.wpfoods.schemas.wa.ReplyKind;
import co.wpfoods.webhook.WebhookFixtures;
import co.wpfoods.webhook.receiving.application.ParsedItem;
import co.wpfoods.webhook.receiving.application.ParsedWebhook;
import co.wpfoods.webhook.receiving.domain.DedupKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class MetaEnvelopeParserTest {

    static final Instant RECEIVED = Instant.parse("2026-11-26T12:00:00Z");

    final MetaEnvelopeParser parser = new MetaEnvelopeParser();

    InboundMessage parseMessage(String fixture) {
        ParsedWebhook parsed = parser.parse(messagesEnvelope(List.of(message(fixture))), RECEIVED);
        assertThat(parsed.items()).hasSize(1);
        return ((ParsedItem.Message) parsed.items().getFirst()).record();
    }

    DeliveryStatus parseStatus(String fixture) {
        ParsedWebhook parsed = parser.parse(statusesEnvelope(List.of(status(fixture))), RECEIVED);
        assertThat(parsed.items()).hasSize(1);
        return ((ParsedItem.Status) parsed.items().getFirst()).record();
    }

    @Test
    void reads_a_text_message_with_its_sender_envelope_and_accents() {
        InboundMessage m = parseMessage("text");

        assertThat(m.getMessageId()).isEqualTo("wamid.HBgM_A1");
        assertThat(m.getType()).isEqualTo(InboundMessageType.TEXT);
        assertThat(m.getMetaType()).isEqualTo("text");
        assertThat(m.getText().getBody()).isEqualTo("Hola, quiero pedir una pizza con piña 🍕");
        assertThat(m.getFrom().getWaId()).isEqualTo("573001234567");
        assertThat(m.getFrom().getProfileName()).isEqualTo("Camila Rojas");
        assertThat(m.getPhoneNumberId()).isEqualTo(WebhookFixtures.PHONE_NUMBER_ID);
        assertThat(m.getDisplayPhoneNumber()).isEqualTo("573150000000");
        assertThat(m.getWabaId()).isEqualTo(WebhookFixtures.WABA_ID);
        assertThat(m.getSentAt()).isEqualTo(Instant.ofEpochSecond(1767225600));
        assertThat(m.getReceivedAt()).isEqualTo(RECEIVED);
        assertThat(m.getRateLimited()).isFalse();
    }

    @Test
    void carries_the_original_json_object_of_each_message() throws Exception {
        InboundMessage m = parseMessage("unknown-type");

        var mapper = JsonMapper.builder().build();
        assertThat(mapper.readTree(m.getRawJson())).isEqualTo(mapper.readTree(message("unknown-type")));
    }

    @Test
    void reads_interactive_button_list_and_flow_replies_with_their_context() {
        InboundMessage button = parseMessage("interactive-button-reply");
        assertThat(button.getType()).isEqualTo(InboundMessageType.INTERACTIVE);
        assertThat(button.getReply().getKind()).isEqualTo(ReplyKind.BUTTON_REPLY);
        assertThat(button.getReply().getId()).isEqualTo("order:8841:confirm");
        assertThat(button.getReply().getTitle()).isEqualTo("Confirmar");
        assertThat(button.getContext().getMessageId()).isEqualTo("wamid.HBgM_OUT1");
        assertThat(button.getContext().getFrom()).isEqualTo("573150000000");

        InboundMessage list = parseMessage("interactive-list-reply");
        assertThat(list.getReply().getKind()).isEqualTo(ReplyKind.LIST_REPLY);
        assertThat(list.getReply().getId()).isEqualTo("rest:112");
        assertThat(list.getReply().getTitle()).isEqualTo("Pizzería Napoli");
        assertThat(list.getReply().getDescription()).isEqualTo("Italiana · 25-35 min");

        InboundMessage flow = parseMessage("interactive-nfm-reply");
        assertThat(flow.getReply().getKind()).isEqualTo(ReplyKind.FLOW_REPLY);
        assertThat(flow.getReply().getResponseJson()).contains("\"flow_token\":\"ft-8841\"");
        assertThat(flow.getReply().getId()).isEqualTo("flow");
    }

    @Test
    void reads_a_template_quick_reply_button() {
        InboundMessage m = parseMessage("button");

        assertThat(m.getType()).isEqualTo(InboundMessageType.BUTTON);
        assertThat(m.getReply().getKind()).isEqualTo(ReplyKind.TEMPLATE_BUTTON);
        assertThat(m.getReply().getId()).isEqualTo("reorder:8841");
        assertThat(m.getReply().getTitle()).isEqualTo("Pedir de nuevo");
        assertThat(m.getContext().getMessageId()).isEqualTo("wamid.HBgM_TPL1");
    }

    @Test
    void reads_a_location_pin() {
        InboundMessage m = parseMessage("location");

        assertThat(m.getLocation().getLatitude()).isEqualTo(4.6486259);
        assertThat(m.getLocation().getLongitude()).isEqualTo(-74.0628021);
        assertThat(m.getLocation().getName()).isEqualTo("Parque de la 93");
        assertThat(m.getLocation().getAddress()).isEqualTo("Cl. 93A #11A-28, Bogotá");
        assertThat(m.getLocation().getUrl()).isEqualTo("https://example.co");
    }

    @Test
    void reads_every_kind_of_media() {
        InboundMessage image = parseMessage("image");
        assertThat(image.getType()).isEqualTo(InboundMessageType.IMAGE);
        assertThat(image.getMedia().getMediaId()).isEqualTo("1003383421387256");
        assertThat(image.getMedia().getCaption()).isEqualTo("La pizza llegó así");
        assertThat(image.getMedia().getSha256()).isEqualTo("SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=");
        assertThat(image.getMedia().getUrl()).startsWith("https://lookaside.fbsbx.com/");

        InboundMessage voice = parseMessage("audio-voice");
        assertThat(voice.getType()).isEqualTo(InboundMessageType.AUDIO);
        assertThat(voice.getMedia().getVoice()).isTrue();
        assertThat(voice.getMedia().getMimeType()).isEqualTo("audio/ogg; codecs=opus");

        assertThat(parseMessage("video").getMedia().getCaption()).isEqualTo("Mira cómo llegó");
        assertThat(parseMessage("document").getMedia().getFilename()).isEqualTo("factura-8841.pdf");
        InboundMessage sticker = parseMessage("sticker");
        assertThat(sticker.getType()).isEqualTo(InboundMessageType.STICKER);
        assertThat(sticker.getMedia().getAnimated()).isFalse();
        assertThat(sticker.getMedia().getMimeType()).isEqualTo("image/webp");
    }

    @Test
    void reads_a_reaction_and_its_removal_as_two_distinct_events() {
        ParsedWebhook parsed =
                parser.parse(messagesEnvelope(List.of(message("reaction"), message("reaction-removed"))), RECEIVED);

        var added = (ParsedItem.Message) parsed.items().get(0);
        var removed = (ParsedItem.Message) parsed.items().get(1);
        assertThat(added.record().getReaction().getEmoji()).isEqualTo("👍");
        assertThat(added.record().getReaction().getMessageId()).isEqualTo("wamid.HBgM_OUT4");
        assertThat(removed.record().getReaction().getEmoji()).isNull();
        assertThat(added.dedupKey()).isNotEqualTo(removed.dedupKey());
    }

    @Test
    void reads_a_catalog_order_leniently() {
        InboundMessage m = parseMessage("order");

        assertThat(m.getOrder().getCatalogId()).isEqualTo("194836987003835");
        assertThat(m.getOrder().getText()).isEqualTo("Sin cebolla por favor");
        assertThat(m.getOrder().getItems()).hasSize(2);
        assertThat(m.getOrder().getItems().get(0).getProductRetailerId()).isEqualTo("pz-margarita-l");
        assertThat(m.getOrder().getItems().get(0).getQuantity()).isEqualTo(2);
        assertThat(m.getOrder().getItems().get(0).getItemPrice()).isEqualTo("42000");
        assertThat(m.getOrder().getItems().get(1).getQuantity()).isEqualTo(1);
        assertThat(m.getOrder().getItems().get(1).getItemPrice()).isEqualTo("4500.50");
        assertThat(m.getOrder().getItems().get(1).getCurrency()).isEqualTo("COP");
    }

    @Test
    void reads_shared_contacts() {
        InboundMessage m = parseMessage("contacts");

        assertThat(m.getContacts()).hasSize(1);
        assertThat(m.getContacts().getFirst().getFormattedName()).isEqualTo("Andrés Gómez");
        assertThat(m.getContacts().getFirst().getPhones().getFirst().getWaId()).isEqualTo("573007654321");
        assertThat(m.getContacts().getFirst().getPhones().getFirst().getPhone()).isEqualTo("+57 300 765 4321");
    }

    @Test
    void reads_a_system_number_change() {
        InboundMessage m = parseMessage("system");

        assertThat(m.getType()).isEqualTo(InboundMessageType.SYSTEM);
        assertThat(m.getSystem().getNewWaId()).isEqualTo("573009998877");
        assertThat(m.getSystem().getSystemType()).isEqualTo("user_changed_number");
    }

    @Test
    void keeps_unsupported_and_unknown_types_with_their_errors() {
        InboundMessage unsupported = parseMessage("unsupported");
        assertThat(unsupported.getType()).isEqualTo(InboundMessageType.UNSUPPORTED);
        assertThat(unsupported.getMetaType()).isEqualTo("unsupported");
        assertThat(unsupported.getErrors()).hasSize(1);
        assertThat(unsupported.getErrors().getFirst().getCode()).isEqualTo(131051);
        assertThat(unsupported.getErrors().getFirst().getDetails())
                .isEqualTo("Message type is currently not supported.");
        assertThat(unsupported.getRawJson()).contains("poll");

        InboundMessage unknown = parseMessage("unknown-type");
        assertThat(unknown.getType()).isEqualTo(InboundMessageType.UNSUPPORTED);
        assertThat(unknown.getMetaType()).isEqualTo("request_welcome");
    }

    @Test
    void reads_click_to_whatsapp_referrals() {
        InboundMessage m = parseMessage("text-with-referral");

        assertThat(m.getReferral().getSourceType()).isEqualTo("ad");
        assertThat(m.getReferral().getSourceId()).isEqualTo("120211234567890");
        assertThat(m.getReferral().getHeadline()).isEqualTo("Promo martes");
        assertThat(m.getReferral().getMediaUrl()).isEqualTo("https://scontent.example/ad.jpg");
        assertThat(m.getReferral().getCtwaClid()).isEqualTo("ARAkLkA8rmlFeiCktEJQ");
    }

    @Test
    void reads_forwarded_and_product_contexts() {
        assertThat(parseMessage("text-forwarded").getContext().getForwarded()).isTrue();

        InboundMessage product = parseMessage("text-referred-product");
        assertThat(product.getContext().getReferredCatalogId()).isEqualTo("194836987003835");
        assertThat(product.getContext().getReferredProductRetailerId()).isEqualTo("pz-margarita-l");
    }

    @Test
    void identifies_username_users_by_their_business_scoped_id() {
        ParsedWebhook parsed = parser.parse(WebhookFixtures.envelope("bsuid-contacts"), RECEIVED);

        var item = (ParsedItem.Message) parsed.items().getFirst();
        assertThat(item.party().waId()).isNull();
        assertThat(item.party().key()).isEqualTo("user.9373ABCdef0123456789");
        assertThat(item.record().getFrom().getUserId()).isEqualTo("user.9373ABCdef0123456789");
        assertThat(item.record().getFrom().getUsername()).isEqualTo("@camirojas");
        assertThat(item.record().getFrom().getProfileName()).isEqualTo("Camila");
    }

    @Test
    void reads_sent_status_with_pricing_and_conversation() {
        DeliveryStatus s = parseStatus("sent");

        assertThat(s.getMessageId()).isEqualTo("wamid.HBgM_OUT5");
        assertThat(s.getStatus()).isEqualTo(DeliveryState.SENT);
        assertThat(s.getMetaStatus()).isEqualTo("sent");
        assertThat(s.getRecipient().getWaId()).isEqualTo("573001234567");
        assertThat(s.getBizOpaqueCallbackData()).isEqualTo("order:8841:msg:3");
        assertThat(s.getConversationId()).isEqualTo("72b14d6bd5407799e66f64d1b338e567");
        assertThat(s.getConversationOrigin()).isEqualTo("utility");
        assertThat(s.getPricingCategory()).isEqualTo("utility");
        assertThat(s.getPricingType()).isEqualTo("regular");
        assertThat(s.getBillable()).isTrue();
        assertThat(s.getOccurredAt()).isEqualTo(Instant.ofEpochSecond(1767227000));
    }

    @Test
    void reads_every_status_shape() {
        assertThat(parseStatus("delivered").getStatus()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(parseStatus("read").getStatus()).isEqualTo(DeliveryState.READ);
        assertThat(parseStatus("read").getPricingType()).isNull();
        assertThat(parseStatus("played").getStatus()).isEqualTo(DeliveryState.PLAYED);
        DeliveryStatus free = parseStatus("free-customer-service");
        assertThat(free.getPricingType()).isEqualTo("free_customer_service");
        assertThat(free.getBillable()).isFalse();

        DeliveryStatus failed = parseStatus("failed");
        assertThat(failed.getStatus()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.getErrors().getFirst().getCode()).isEqualTo(131047);
        assertThat(failed.getErrors().getFirst().getHref()).contains("error-codes");

        DeliveryStatus bsuid = parseStatus("bsuid");
        assertThat(bsuid.getRecipient().getWaId()).isNull();
        assertThat(bsuid.getRecipient().getUserId()).isEqualTo("user.9373ABCdef0123456789");
    }

    @Test
    void status_dedup_key_is_the_message_id_and_status_pair() {
        ParsedWebhook parsed = parser.parse(statusesEnvelope(List.of(status("sent"), status("delivered"))), RECEIVED);

        assertThat(parsed.items().get(0).dedupKey()).isEqualTo(DedupKey.ofStatus("wamid.HBgM_OUT5", "sent"));
        assertThat(parsed.items().get(1).dedupKey()).isEqualTo(DedupKey.ofStatus("wamid.HBgM_OUT5", "delivered"));
    }

    @Test
    void splits_a_batch_of_entries_changes_messages_and_statuses_in_order() {
        ParsedWebhook parsed = parser.parse(WebhookFixtures.envelope("batch"), RECEIVED);

        assertThat(parsed.items())
                .extracting(item -> item.dedupKey().value())
                .containsExactly(
                        "msg:wamid.BATCH_M1",
                        "msg:wamid.BATCH_M2",
                        "msg:wamid.BATCH_M3",
                        "status:wamid.BATCH_OUT1:sent",
                        "status:wamid.BATCH_OUT1:delivered",
                        "msg:wamid.BATCH_M4",
                        "status:wamid.BATCH_OUT2:read");
        assertThat(parsed.messageCount()).isEqualTo(4);
        assertThat(parsed.statusCount()).isEqualTo(3);
        assertThat(parsed.otherFields()).containsExactly("message_template_status_update");
        assertThat(parsed.valueErrors()).isEqualTo(1);
        var fromAndres = (ParsedItem.Message) parsed.items().get(1);
        assertThat(fromAndres.record().getFrom().getProfileName()).isEqualTo("Andrés Gómez");
        var second = (ParsedItem.Message) parsed.items().get(5);
        assertThat(second.record().getPhoneNumberId()).isEqualTo("106540352242923");
        assertThat(second.record().getWabaId()).isEqualTo("102290129340399");
    }

    @Test
    void an_envelope_of_another_field_has_no_records() {
        ParsedWebhook parsed = parser.parse(WebhookFixtures.envelope("other-field-only"), RECEIVED);

        assertThat(parsed.items()).isEmpty();
        assertThat(parsed.otherFields()).containsExactly("phone_number_quality_update");
    }

    @Test
    void a_message_without_an_id_gets_a_stable_content_key() {
        String noId =
                "{ \"from\": \"573001234567\", \"timestamp\": \"1\", \"type\": \"text\", \"text\": {\"body\": \"x\"} }";

        var first =
                parser.parse(messagesEnvelope(List.of(noId)), RECEIVED).items().getFirst();
        var again = parser.parse(messagesEnvelope(List.of(noId)), RECEIVED.plusSeconds(5))
                .items()
                .getFirst();

        assertThat(first.dedupKey()).isEqualTo(again.dedupKey());
        assertThat(first.dedupKey().value()).startsWith("msg:sha256:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "\"text\"", "42", "null", "{} {}", "{\"entry\": [}"})
    void refuses_bodies_that_are_not_one_json_object(String body) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8), RECEIVED))
                .isInstanceOf(MalformedWebhookException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"entry\": [{\"changes\": [{\"field\": \"messages\", \"value\": {}}]}]} | not_a_whatsapp_envelope",
                "{\"object\": \"page\", \"entry\": [{\"changes\": [{\"field\": \"messages\", \"value\": {}}]}]} | not_a_whatsapp_envelope",
                "{\"object\": \"whatsapp_business_account\"} | no_entry",
                "{\"object\": \"whatsapp_business_account\", \"entry\": []} | no_entry",
                "{\"object\": \"whatsapp_business_account\", \"entry\": {}} | no_entry",
                "{\"object\": \"whatsapp_business_account\", \"changes\": [{\"field\": \"messages\", \"value\": {}}]} | no_entry",
                "{\"object\": \"whatsapp_business_account\", \"entry\": [1]} | no_changes",
                "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": \"x\"}]} | no_changes",
                "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": []}]} | no_changes",
                "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": [{\"value\": {}}]}]} | malformed_change",
                "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": [{\"field\": \"messages\"}]}]} | malformed_change",
                "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": [7]}]} | malformed_change"
            })
    void refuses_an_envelope_meta_would_never_send_with_the_reason(String body, String reason) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8), RECEIVED))
                .isInstanceOfSatisfying(
                        MalformedWebhookException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void tolerates_wrong_shapes_inside_a_well_formed_envelope() {
        String odd = """
                { "object": "whatsapp_business_account", "entry": [ { "changes": [ { "field": "messages", "value": {
                  "messages": [ "not an object", { "id": "wamid.ODD", "timestamp": "soon", "type": 7, "text": [] } ],
                  "statuses": { "not": "an array" } } } ] } ] }""";

        ParsedWebhook parsed = parser.parse(odd.getBytes(StandardCharsets.UTF_8), RECEIVED);

        assertThat(parsed.items()).hasSize(1);
        assertThat(parsed.skippedItems()).isEqualTo(1);
        var message = (ParsedItem.Message) parsed.items().getFirst();
        assertThat(message.record().getMessageId()).isEqualTo("wamid.ODD");
        assertThat(message.record().getType()).isEqualTo(InboundMessageType.UNSUPPORTED);
        assertThat(message.record().getSentAt()).isEqualTo(RECEIVED);
        assertThat(message.party().isKnown()).isFalse();
    }
}
