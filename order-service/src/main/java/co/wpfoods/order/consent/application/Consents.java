package co.wpfoods.order.consent.application;

import co.wpfoods.security.consent.ConsentLedger;
import co.wpfoods.security.consent.ConsentLedger.Decision;
import co.wpfoods.security.consent.ConsentPurpose;
import java.util.List;
import java.util.Optional;

/**
 * The customer's consent (Ley 1581) as recorded in platform security's append-only {@link ConsentLedger}, in
 * order-service's own database, keyed by the keyed hash of the person's number: every "Acepto" is a
 * {@code PERSONAL_DATA} grant with the policy version presented, a "Sí" to promotions a {@code MARKETING} grant,
 * and any way of saying "no more promotions" a {@code MARKETING} withdrawal. Runs in the caller's transaction.
 */
public class Consents {

    private final ConsentLedger ledger;
    private final String policyVersion;

    public Consents(ConsentLedger ledger, String policyVersion) {
        if (policyVersion == null || policyVersion.isBlank()) {
            throw new IllegalArgumentException("wpfoods.order.privacy.policy-version is required");
        }
        this.ledger = ledger;
        this.policyVersion = policyVersion;
    }

    /** The privacy policy version in force: the one the consent question presents. */
    public String policyVersion() {
        return policyVersion;
    }

    /** "Acepto": keeping their data to serve their orders, under the policy version they were shown. */
    public Decision grantPersonalData(String personKey, String presentedVersion) {
        String version = presentedVersion == null || presentedVersion.isBlank() ? policyVersion : presentedVersion;
        return ledger.grant(personKey, ConsentPurpose.PERSONAL_DATA, version);
    }

    public boolean personalDataGranted(String personKey) {
        return ledger.mayUse(personKey, ConsentPurpose.PERSONAL_DATA);
    }

    /** "Sí" to promotions: a marketing grant under the policy version in force (once; a repeat changes nothing). */
    public Decision grantMarketing(String personKey) {
        var current = ledger.current(personKey, ConsentPurpose.MARKETING);
        if (current.isPresent() && current.get().granted()) {
            return current.get();
        }
        return ledger.grant(personKey, ConsentPurpose.MARKETING, policyVersion);
    }

    /**
     * "No more promotions": a marketing withdrawal. Recorded when marketing was granted (it stops the templates), or
     * when the person consented to keeping their data but never answered about marketing (their "no" is kept so they
     * are not asked again); a person who never consented to anything has nothing recorded (nothing is kept about
     * them). Returns whether a withdrawal was recorded.
     */
    public boolean withdrawMarketing(String personKey) {
        var current = ledger.current(personKey, ConsentPurpose.MARKETING);
        if (current.isPresent() && !current.get().granted()) {
            return false;
        }
        if (current.isEmpty() && !personalDataGranted(personKey)) {
            return false;
        }
        ledger.withdraw(personKey, ConsentPurpose.MARKETING);
        return true;
    }

    /** The latest marketing decision, if the person ever made one. */
    public Optional<Decision> marketing(String personKey) {
        return ledger.current(personKey, ConsentPurpose.MARKETING);
    }

    /** True only while the latest marketing decision is a grant: checked before every marketing template. */
    public boolean mayMarket(String personKey) {
        return ledger.mayUse(personKey, ConsentPurpose.MARKETING);
    }

    /** Every grant and withdrawal, oldest first ("mis datos"). */
    public List<Decision> history(String personKey) {
        return ledger.history(personKey);
    }

    /** Erasure: deletes every record of the person; returns how many. */
    public int forget(String personKey) {
        return ledger.forget(personKey);
    }
}
