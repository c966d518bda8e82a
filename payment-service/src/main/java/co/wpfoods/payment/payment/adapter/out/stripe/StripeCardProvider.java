package co.wpfoods.payment.payment.adapter.out.stripe;

import co.wpfoods.payment.payment.application.CardProvider;
import co.wpfoods.payment.payment.application.CardProviderException;
import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.Language;
import co.wpfoods.payment.payment.domain.StripeAmounts;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stripe Checkout through the official stripe-java client. Every creating call carries an explicit idempotency key
 * (without one stripe-java makes up a random key per call, and a retry after a timeout would open a second session).
 * Errors are classified, not retried here: the caller's task retries what {@link CardProviderException#retryable()}
 * says can succeed later.
 */
public class StripeCardProvider implements CardProvider {

    public static final String NAME = "stripe";

    private final StripeClient client;
    private final String successUrl;
    private final String cancelUrl;

    public StripeCardProvider(StripeClient client, String successUrl, String cancelUrl) {
        this.client = client;
        this.successUrl = successUrl;
        this.cancelUrl = cancelUrl;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OpenedCheckout openCheckout(CheckoutRequest request) {
        var metadata = Map.of("payment_id", request.paymentId(), "order_id", request.orderId());
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(request.orderId())
                .putAllMetadata(metadata)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putAllMetadata(metadata)
                        .build())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency("cop")
                                .setUnitAmount(StripeAmounts.toMinor(request.amount()))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description())
                                        .build())
                                .build())
                        .build())
                .setExpiresAt(request.expiresAt().getEpochSecond())
                // Stripe's page in the customer's language
                .setLocale(
                        request.language() == Language.EN
                                ? SessionCreateParams.Locale.EN
                                : SessionCreateParams.Locale.ES)
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .build();
        try {
            Session session = client.v1().checkout().sessions().create(params, idempotent(request.idempotencyKey()));
            return new OpenedCheckout(session.getId(), session.getUrl(), Instant.ofEpochSecond(session.getExpiresAt()));
        } catch (StripeException e) {
            throw classified("create checkout session", e);
        }
    }

    @Override
    public ExpireOutcome expireCheckout(String sessionId) {
        try {
            client.v1().checkout().sessions().expire(sessionId);
            return new ExpireOutcome.Expired();
        } catch (InvalidRequestException notOpen) {
            // only an open session can be expired: find out whether it was paid meanwhile
            try {
                Session session = client.v1().checkout().sessions().retrieve(sessionId);
                boolean paid = "complete".equals(session.getStatus()) && "paid".equals(session.getPaymentStatus());
                return paid ? new ExpireOutcome.AlreadyPaid(session.getPaymentIntent()) : new ExpireOutcome.Expired();
            } catch (StripeException e) {
                throw classified("retrieve checkout session", e);
            }
        } catch (StripeException e) {
            throw classified("expire checkout session", e);
        }
    }

    @Override
    public RefundOutcome refund(
            String paymentIntentId, Cop amount, String idempotencyKey, Map<String, String> metadata) {
        var params = RefundCreateParams.builder()
                .setPaymentIntent(paymentIntentId)
                .setAmount(StripeAmounts.toMinor(amount))
                .putAllMetadata(metadata)
                .build();
        try {
            Refund refund = client.v1().refunds().create(params, idempotent(idempotencyKey));
            return switch (refund.getStatus()) {
                case "succeeded" -> new RefundOutcome.Succeeded(refund.getId());
                case "failed", "canceled" -> new RefundOutcome.Refused(refund.getId(), refund.getFailureReason());
                case null, default -> new RefundOutcome.Pending(refund.getId());
            };
        } catch (StripeException e) {
            throw classified("create refund", e);
        }
    }

    @Override
    public List<ProviderPayment> payments(Instant from, Instant to) {
        var params = SessionListParams.builder()
                .setCreated(SessionListParams.Created.builder()
                        .setGte(from.getEpochSecond())
                        .setLt(to.getEpochSecond())
                        .build())
                .setLimit(100L)
                .build();
        try {
            var found = new ArrayList<ProviderPayment>();
            for (Session s : client.v1().checkout().sessions().list(params).autoPagingIterable()) {
                var metadata = s.getMetadata() == null ? Map.<String, String>of() : s.getMetadata();
                found.add(new ProviderPayment(
                        s.getId(),
                        metadata.get("payment_id"),
                        s.getPaymentIntent(),
                        s.getAmountTotal() == null ? Cop.ZERO : StripeAmounts.fromMinor(s.getAmountTotal()),
                        "paid".equals(s.getPaymentStatus()),
                        null));
            }
            return found;
        } catch (StripeException e) {
            throw classified("list checkout sessions", e);
        }
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    /** Refused requests (bad parameters, idempotency conflicts, declines) are final; anything else may pass later. */
    static CardProviderException classified(String what, StripeException e) {
        boolean permanent =
                e instanceof InvalidRequestException || e instanceof IdempotencyException || e instanceof CardException;
        return new CardProviderException(
                "Stripe could not " + what + ": "
                        + (e.getCode() == null ? e.getClass().getSimpleName() : e.getCode()) + " (HTTP "
                        + e.getStatusCode() + ")",
                !permanent,
                e);
    }
}
