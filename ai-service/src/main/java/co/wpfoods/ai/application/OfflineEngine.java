package co.wpfoods.ai.application;

import co.wpfoods.ai.domain.Address;
import co.wpfoods.ai.domain.Engine;
import co.wpfoods.ai.domain.Entities;
import co.wpfoods.ai.domain.Intent;
import co.wpfoods.ai.domain.ItemMention;
import co.wpfoods.ai.domain.PaymentMethod;
import co.wpfoods.ai.domain.Role;
import co.wpfoods.ai.domain.TimeRequest;
import co.wpfoods.ai.domain.Understanding;
import co.wpfoods.ai.domain.intent.IntentClassifier;
import co.wpfoods.ai.domain.intent.IntentClassifier.Signals;
import co.wpfoods.ai.domain.parse.AddressParser;
import co.wpfoods.ai.domain.parse.CodeParser;
import co.wpfoods.ai.domain.parse.Found;
import co.wpfoods.ai.domain.parse.PaymentParser;
import co.wpfoods.ai.domain.parse.TimeParser;
import co.wpfoods.ai.domain.text.Lexicon;
import co.wpfoods.ai.domain.text.TextNormalizer;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The offline understanding engine: in-process, no network, Spanish and English. Parsers take addresses, times,
 * codes and prices out of the text; items are resolved against the menu index; the intent is scored from cue words
 * (after spelling correction) and what was found.
 */
public final class OfflineEngine {

    private final MenuIndex menus;
    private final SpellingCorrector speller;
    private final ItemExtractor items;
    private final IntentClassifier classifier = new IntentClassifier();

    public OfflineEngine(MenuIndex menus, SpellingCorrector speller) {
        this.menus = menus;
        this.speller = speller;
        this.items = new ItemExtractor(menus);
    }

    public Understanding understand(UnderstandRequest request) {
        Role role = request.role();
        String folded = TextNormalizer.fold(request.text());
        String rest = folded;
        LocalTime now = request.now() == null ? LocalTime.NOON : request.now();

        Optional<Found<Address>> address = role == Role.WORKER ? Optional.empty() : AddressParser.find(rest);
        if (address.isPresent()) {
            rest = address.get().blankOut(rest);
        }
        Optional<Found<TimeRequest>> time = TimeParser.find(rest, now);
        if (time.isPresent()) {
            rest = time.get().blankOut(rest);
        }
        Optional<Found<String>> pin = role == Role.WORKER ? CodeParser.pin(rest, true) : Optional.empty();
        if (pin.isPresent()) {
            rest = pin.get().blankOut(rest);
        }
        Optional<Found<String>> orderRef = CodeParser.orderReference(rest);
        if (orderRef.isPresent()) {
            rest = orderRef.get().blankOut(rest);
        }
        Optional<Found<Long>> price = role == Role.RESTAURANT ? CodeParser.price(rest) : Optional.empty();
        if (price.isPresent()) {
            rest = price.get().blankOut(rest);
        }

        List<String> words = TextNormalizer.tokens(rest);
        String restaurantId = request.restaurantId();
        var named = role == Role.CUSTOMER ? menus.findRestaurant(words) : Optional.<MenuIndex.RestaurantMatch>empty();
        String itemText = rest;
        if (named.isPresent()) {
            restaurantId = named.get().restaurantId();
            List<String> kept =
                    new java.util.ArrayList<>(words.subList(0, named.get().fromWord()));
            kept.addAll(words.subList(named.get().toWord(), words.size()));
            itemText = String.join(" ", kept);
        }
        List<ItemMention> found = role == Role.WORKER ? List.of() : items.extract(itemText, restaurantId);

        List<String> corrected = speller.correct(TextNormalizer.tokens(folded));
        Optional<PaymentMethod> payment = PaymentParser.find(corrected);
        String canonical = String.join(" ", corrected);
        boolean onlyPunctuation = folded.replaceAll("[^a-z0-9]", "").isEmpty();
        Signals signals = new Signals(
                !found.isEmpty(),
                payment.isPresent(),
                price.isPresent(),
                pin.isPresent(),
                orderRef.isPresent(),
                address.isPresent(),
                folded.contains("?"),
                onlyPunctuation);
        IntentClassifier.Result result = classifier.classify(role, canonical, signals);
        Intent intent = result.intent();

        Entities entities = new Entities(
                intent.carriesItems() ? found : List.of(),
                restaurantId,
                address.map(Found::value).orElse(null),
                time.map(Found::value).orElse(null),
                payment.orElse(null),
                pin.map(Found::value).orElse(null),
                orderRef.map(Found::value).orElse(null),
                price.map(Found::value).orElse(null));
        return new Understanding(
                intent, result.confidence(), entities, language(corrected, request.languageHint()), Engine.OFFLINE);
    }

    /** "en" when English words outnumber Spanish ones; the caller's hint decides a tie. */
    static String language(List<String> words, String hint) {
        long en = words.stream().filter(Lexicon.ENGLISH::contains).count();
        long es = words.stream().filter(Lexicon.SPANISH::contains).count();
        if (en > es) {
            return "en";
        }
        if (es > en) {
            return "es";
        }
        return hint != null && hint.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? "en" : "es";
    }
}
