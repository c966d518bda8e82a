package co.wpfoods.payment.payment.config;

import co.wpfoods.payment.payment.adapter.in.web.StripeWebhookSettings;
import co.wpfoods.payment.payment.adapter.out.localcard.LocalCardProvider;
import co.wpfoods.payment.payment.adapter.out.localcard.LocalCardWebhooks;
import co.wpfoods.payment.payment.adapter.out.scheduler.PaymentScheduler;
import co.wpfoods.payment.payment.adapter.out.stripe.StripeCardProvider;
import co.wpfoods.payment.payment.application.CardProvider;
import co.wpfoods.payment.payment.application.ElectronicInvoicing;
import co.wpfoods.payment.payment.application.ExpiringPayments;
import co.wpfoods.payment.payment.application.OpeningCheckouts;
import co.wpfoods.payment.payment.application.PaymentSettings;
import co.wpfoods.payment.payment.application.RefundingPayments;
import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.reconciliation.application.ReconcilingPayments;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.stripe.StripeClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Wires payments: the card provider (Stripe with a key, the local card stand-in without), the persistent scheduler
 * and the settings. See the README for every property.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
public class PaymentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentConfiguration.class);

    /**
     * The secrets Stripe's webhooks are checked with. With a Stripe key they must be configured (a default secret
     * would let anyone forge a payment). Without one (local runs, the local card page) a secret made at start is
     * used unless one is configured: the local provider signs with it and the webhook checks it.
     */
    @Bean
    StripeWebhookSettings stripeWebhookSettings(PaymentProperties properties) {
        var stripe = properties.stripe();
        List<String> secrets = stripe.webhookSecrets();
        if (secrets.isEmpty() && stripe.configured()) {
            throw new IllegalStateException("A Stripe key is set but no webhook signing secret:"
                    + " set wpfoods.payment.stripe.webhook-secrets (WPFOODS_PAYMENT_STRIPE_WEBHOOK_SECRETS) to the"
                    + " endpoint's whsec_ secret from Stripe's dashboard");
        }
        if (secrets.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secrets = List.of(
                    "whsec_local_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            log.info("No Stripe key and no webhook secret: the local card page signs with a secret made at start");
        }
        return new StripeWebhookSettings(secrets, stripe.webhookTolerance());
    }

    @Bean
    PaymentSettings paymentSettings(PaymentProperties properties) {
        var card = properties.card();
        return new PaymentSettings(card.paymentTimeout(), card.checkoutLifetime(), Cop.of(card.minimumCop()));
    }

    @Bean
    CardProvider cardProvider(
            PaymentProperties properties,
            StripeWebhookSettings webhookSettings,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            ObjectProvider<PaymentScheduler> scheduler,
            ObjectProvider<Clock> clock) {
        var stripe = properties.stripe();
        if (stripe.configured()) {
            log.info("Card payments through Stripe at {}", stripe.apiBase());
            StripeClient client = new StripeClient.StripeClientBuilder()
                    .setApiKey(stripe.apiKey())
                    .setApiBase(stripe.apiBase().toString().replaceAll("/$", ""))
                    .setMaxNetworkRetries(stripe.maxNetworkRetries())
                    .setConnectTimeout(Math.toIntExact(stripe.connectTimeout().toMillis()))
                    .setReadTimeout(Math.toIntExact(stripe.readTimeout().toMillis()))
                    .build();
            return new StripeCardProvider(client, stripe.successUrl(), stripe.cancelUrl());
        }
        var local = properties.localCard();
        log.info(
                "No Stripe key: card payments on the local card page at {}, its events signed and sent to {}",
                local.publicBaseUrl(),
                local.webhookUrl());
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(30));
        var webhooks = new LocalCardWebhooks(
                jdbc,
                RestClient.builder().requestFactory(requests).build(),
                local.webhookUrl(),
                webhookSettings.secrets().getFirst(),
                eventId -> scheduler.getObject().deliverLocalCardEvent(eventId),
                clock.getIfAvailable(Clock::systemUTC));
        return new LocalCardProvider(
                jdbc, transaction, webhooks, local.publicBaseUrl(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    PaymentScheduler paymentScheduler(
            DataSource dataSource,
            PaymentProperties properties,
            ObjectProvider<OpeningCheckouts> opening,
            ObjectProvider<ExpiringPayments> expiring,
            ObjectProvider<RefundingPayments> refunding,
            ObjectProvider<ReconcilingPayments> reconciling,
            ObjectProvider<CardProvider> cards,
            ObjectProvider<RecurringTask<?>> recurringTasks) {
        var scheduler = properties.scheduler();
        var reconciliation = properties.reconciliation();
        return new PaymentScheduler(
                dataSource,
                new PaymentScheduler.Settings(
                        scheduler.pollingInterval(),
                        scheduler.threads(),
                        scheduler.retryBackoff(),
                        reconciliation.interval(),
                        reconciliation.enabled()),
                opening,
                expiring,
                refunding,
                reconciling,
                eventId -> {
                    if (cards.getObject() instanceof LocalCardProvider local) {
                        local.webhooks().deliver(eventId);
                    }
                },
                recurringTasks.orderedStream().toList());
    }

    @Bean
    ReconcilingPayments.Settings reconciliationSettings(PaymentProperties properties) {
        return new ReconcilingPayments.Settings(
                properties.reconciliation().window(),
                properties.reconciliation().grace());
    }

    @Bean
    @ConditionalOnMissingBean
    ElectronicInvoicing noElectronicInvoicing() {
        return receipt -> "NOT_SUBMITTED";
    }
}
