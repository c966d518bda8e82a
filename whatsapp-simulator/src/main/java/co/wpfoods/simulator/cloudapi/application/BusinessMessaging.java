package co.wpfoods.simulator.cloudapi.application;

import co.wpfoods.simulator.cloudapi.application.Conversations.ChatMessage;
import co.wpfoods.simulator.cloudapi.application.Conversations.Direction;
import co.wpfoods.simulator.cloudapi.application.SendRequestValidator.MarkAsRead;
import co.wpfoods.simulator.cloudapi.application.SendRequestValidator.OutboundMessage;
import co.wpfoods.simulator.cloudapi.domain.BusinessAccount;
import co.wpfoods.simulator.cloudapi.domain.GraphApiException;
import co.wpfoods.simulator.cloudapi.domain.GraphError;
import co.wpfoods.simulator.cloudapi.domain.MessageIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import tools.jackson.databind.JsonNode;

/** The business sending through the Graph API: authorize, validate, limit, record, then statuses. */
public final class BusinessMessaging {

    /** What the send endpoint answers. */
    public sealed interface SendResult permits Accepted, Success {}

    /** {@code answerAfter}: how long the answer is held back (zero unless a slow or lost answer was injected). */
    public record Accepted(String input, String waId, String messageId, boolean template, Duration answerAfter)
            implements SendResult {}

    public record Success() implements SendResult {}

    private final BusinessAccount account;
    private final SendRequestValidator validator;
    private final SendPolicy policy;
    private final Conversations conversations;
    private final StatusEmitter statuses;
    private final Clock clock;
    private final Settings settings;
    private final DoubleSupplier random;

    public BusinessMessaging(
            BusinessAccount account,
            SendRequestValidator validator,
            SendPolicy policy,
            Conversations conversations,
            StatusEmitter statuses,
            Clock clock,
            Settings settings,
            DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
        this.account = account;
        this.validator = validator;
        this.policy = policy;
        this.conversations = conversations;
        this.statuses = statuses;
        this.clock = clock;
    }

    /** Bearer check (reference §8 send side 1): missing → 0, wrong → 190, both HTTP 401. */
    public void authorize(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new GraphApiException(
                    GraphError.AUTH_EXCEPTION, "An access token is required: send Authorization: Bearer <token>.");
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, account.accessToken().getBytes(StandardCharsets.UTF_8))) {
            throw new GraphApiException(
                    GraphError.INVALID_ACCESS_TOKEN, "The access token could not be decrypted or has expired.");
        }
    }

    /** Unknown phone-number id → 100; the "not registered" switch → 133010. */
    public void checkPhoneNumber(String phoneNumberId) {
        if (!account.phoneNumberId().equals(phoneNumberId)) {
            throw new GraphApiException(
                    GraphError.INVALID_PARAMETER,
                    "Unsupported post request. Object with ID '" + phoneNumberId
                            + "' does not exist, cannot be loaded due to missing permissions, or does not support this"
                            + " operation.");
        }
        if (!account.registered()) {
            throw new GraphApiException(
                    GraphError.NOT_REGISTERED, "The phone number is not registered on the platform.");
        }
    }

    public SendResult send(String authorization, String phoneNumberId, JsonNode body) {
        authorize(authorization);
        checkPhoneNumber(phoneNumberId);
        Fault fault = drawFault();
        switch (fault) {
            case SERVER_ERROR ->
                throw new GraphApiException(
                        GraphError.SERVICE_UNAVAILABLE, "Injected fault: the Graph API is temporarily unavailable.");
            case THROUGHPUT ->
                throw new GraphApiException(
                        GraphError.THROUGHPUT_LIMIT,
                        "Injected fault: too many messages sent from this phone number (130429).");
            default -> {}
        }
        return switch (validator.validate(body)) {
            case MarkAsRead read -> markAsRead(read);
            case OutboundMessage message -> deliver(message, answerDelay(fault));
        };
    }

    /** A fault injected on the Graph side ({@code SimulatorSettings.GraphFaults}). */
    enum Fault {
        NONE,
        SERVER_ERROR,
        THROUGHPUT,
        SLOW,
        NO_ANSWER
    }

    private Fault drawFault() {
        SimulatorSettings.GraphFaults faults = settings.get().graphFaults();
        double r = random.getAsDouble();
        if ((r -= faults.serverErrorProbability()) < 0) {
            return Fault.SERVER_ERROR;
        }
        if ((r -= faults.throughputErrorProbability()) < 0) {
            return Fault.THROUGHPUT;
        }
        if ((r -= faults.slowProbability()) < 0) {
            return Fault.SLOW;
        }
        if ((r -= faults.noAnswerProbability()) < 0) {
            return Fault.NO_ANSWER;
        }
        return Fault.NONE;
    }

    private Duration answerDelay(Fault fault) {
        SimulatorSettings.GraphFaults faults = settings.get().graphFaults();
        return switch (fault) {
            case SLOW -> faults.slowDelay();
            case NO_ANSWER -> faults.noAnswerHold();
            default -> Duration.ZERO;
        };
    }

    private SendResult markAsRead(MarkAsRead read) {
        if (!conversations.businessRead(read.messageId())) {
            throw new GraphApiException(
                    GraphError.INVALID_PARAMETER_VALUE,
                    "Message " + read.messageId() + " was not received by this number.");
        }
        return new Success();
    }

    private SendResult deliver(OutboundMessage send, Duration answerAfter) {
        policy.admit(send.waId());
        boolean template = send.type().equals("template");
        boolean notOnWhatsApp = settings.get().notOnWhatsApp().contains(send.waId());
        boolean windowClosed = !template && !policy.windowAllows(send.waId());
        if (!notOnWhatsApp && !windowClosed) {
            // a template may reach a number that never wrote; a free-form message to it fails and creates no phone
            conversations.ensurePhone(send.waId());
        }
        ChatMessage message = new ChatMessage(
                MessageIds.newWamid(send.waId()),
                send.waId(),
                Direction.TO_USER,
                send.type(),
                send.payload(),
                send.template(),
                send.contextMessageId(),
                send.callbackData(),
                clock.instant().getEpochSecond(),
                "accepted",
                null);
        conversations.add(message);
        if (notOnWhatsApp) {
            statuses.failed(
                    message,
                    GraphError.UNDELIVERABLE,
                    "Message Undeliverable: the number is not on WhatsApp (simulated).");
        } else if (windowClosed) {
            statuses.failed(
                    message,
                    GraphError.RE_ENGAGEMENT,
                    "More than 24 hours have passed since the recipient last replied to the sender number.");
        } else if (send.type().equals("reaction") && !reactsToKnownMessage(send)) {
            statuses.failed(
                    message,
                    GraphError.INVALID_PARAMETER_VALUE,
                    "The message reacted to does not exist or is too old.");
        } else {
            statuses.accepted(message, billing(send, template));
        }
        return new Accepted(send.input(), send.waId(), message.id(), template, answerAfter);
    }

    private boolean reactsToKnownMessage(OutboundMessage send) {
        String target = send.payload().path("message_id").asString("");
        return conversations
                .find(target)
                .filter(message ->
                        message.waId().equals(send.waId()) && !message.type().equals("reaction"))
                .isPresent();
    }

    private StatusEmitter.Billing billing(OutboundMessage send, boolean template) {
        boolean windowOpen = policy.windowOpen(send.waId());
        String category = template ? send.template().category().toLowerCase(Locale.ROOT) : "service";
        boolean free = !template || (windowOpen && category.equals("utility"));
        return new StatusEmitter.Billing(
                category, free ? "free_customer_service" : "regular", !free, MessageIds.newConversationId());
    }
}
