package co.wpfoods.order.marketing.application;

import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.Menu;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.order.consent.application.Consents;
import co.wpfoods.order.conversation.application.Chat;
import co.wpfoods.order.conversation.application.ChattingWithCustomers;
import co.wpfoods.order.conversation.application.Conversations;
import co.wpfoods.order.conversation.application.Replies;
import co.wpfoods.order.marketing.application.WinBackCandidates.Candidate;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.WaUser;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The win-back (a marketing template, Ley 1581): to customers whose last order was delivered a while ago, the approved
 * template {@code bienvenida_de_nuevo} with their first name and how many restaurants are open near where they last
 * got their food, and quick replies "Pedir ahora" (starts an order) and "No, gracias" (withdraws marketing). Only while
 * their latest marketing decision in the ledger is a grant — checked again in the transaction that writes the
 * command — at most once per period, and only when some restaurant near them is open now (otherwise a later run tries
 * again). One transaction per customer: one failing is logged and the rest go on.
 */
@Service
public class WinningBackCustomers {

    private static final Logger log = LoggerFactory.getLogger(WinningBackCustomers.class);

    private final WinBackCandidates candidates;
    private final Consents consents;
    private final Restaurants restaurants;
    private final Conversations conversations;
    private final Chat chat;
    private final MessageSource messages;
    private final MarketingSettings settings;
    private final TransactionOperations transaction;
    private final Clock clock;

    public WinningBackCustomers(
            WinBackCandidates candidates,
            Consents consents,
            Restaurants restaurants,
            Conversations conversations,
            Chat chat,
            MessageSource messages,
            MarketingSettings settings,
            TransactionOperations transaction,
            Clock clock) {
        this.candidates = candidates;
        this.consents = consents;
        this.restaurants = restaurants;
        this.conversations = conversations;
        this.chat = chat;
        this.messages = messages;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What one run did: customers found due, templates written to the outbox. */
    public record Run(int due, int sent) {}

    public Run run() {
        Instant now = clock.instant();
        Instant notSentSince = now.minus(settings.winBackEvery());
        var due = transaction.execute(
                tx -> candidates.due(now.minus(settings.winBackAfter()), notSentSince, settings.batchSize()));
        int sent = 0;
        for (Candidate candidate : due) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(tx -> winBack(candidate, now, notSentSince)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("win-back to one customer failed; the others go on", e);
            }
        }
        if (!due.isEmpty()) {
            log.info("win-back: {} customers due, {} templates sent", due.size(), sent);
        }
        return new Run(due.size(), sent);
    }

    private boolean winBack(Candidate candidate, Instant now, Instant notSentSince) {
        if (!consents.mayMarket(candidate.waId())) {
            return false;
        }
        long open = openNear(candidate.lastPoint(), now);
        if (open == 0 || !candidates.claim(candidate.waId(), now, notSentSince)) {
            return false;
        }
        String language = conversations.language(candidate.waId()).orElse("es");
        // correlated with the recipient's number, so messaging-service's erasure of this person reaches it
        var say = new Replies(
                chat,
                messages,
                WaUser.newBuilder().setWaId(candidate.waId()).build(),
                language,
                "win-back:" + candidate.waId() + ":" + now.toEpochMilli(),
                "conv:" + candidate.waId(),
                now);
        String name = candidate.firstName() != null ? candidate.firstName() : say.t("winback.name.none");
        say.template(OutboundCommands.template(settings.winBackTemplate(), say.languageCode())
                .bodyText(name, String.valueOf(open))
                .quickReply(0, ChattingWithCustomers.ORDER_NOW_TAP)
                .quickReply(1, ChattingWithCustomers.PROMO_TAP + ":no:" + say.languageCode())
                .build());
        return true;
    }

    private long openNear(GeoLocation point, Instant now) {
        if (point == null) {
            return 0;
        }
        return restaurants.within(point, StoreSettings.MAX_RADIUS_METERS).stream()
                .filter(r -> r.deliversTo(point))
                .filter(r -> r.store().takesOrdersAt(now))
                .filter(r -> restaurants.menuOf(r.id()).map(Menu::open).orElse(false))
                .count();
    }
}
