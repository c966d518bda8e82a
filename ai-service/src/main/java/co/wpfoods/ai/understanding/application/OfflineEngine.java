package co.wpfoods.ai.understanding.application;

import co.wpfoods.ai.menus.application.MenuIndex;
import co.wpfoods.ai.understanding.domain.Engine;
import co.wpfoods.ai.understanding.domain.Entities;
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.IntentCandidate;
import co.wpfoods.ai.understanding.domain.ItemMention;
import co.wpfoods.ai.understanding.domain.PaymentMethod;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.understanding.domain.Understanding;
import co.wpfoods.ai.understanding.domain.intent.IntentFeatures;
import co.wpfoods.ai.understanding.domain.parse.Found;
import co.wpfoods.ai.understanding.domain.parse.ParsedMessage;
import co.wpfoods.ai.understanding.domain.parse.PaymentParser;
import co.wpfoods.ai.understanding.domain.text.Lexicon;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The offline understanding engine: in-process, no network, Spanish and English. Parsers take addresses, times,
 * codes and prices out of the text; items are resolved against the menu index; a trained classifier (one per role)
 * decides the intent from the words and what was found, with calibrated probabilities. When the best probability is
 * under the model's threshold the answer is {@code unknown} with the top candidates, so the conversation can offer
 * buttons instead of acting on a guess.
 */
public final class OfflineEngine {

    /** How many candidates an answer carries. */
    public static final int CANDIDATES = 3;

    private final MenuIndex menus;
    private final SpellingCorrector speller;
    private final ItemExtractor items;
    private final IntentModel model;
    private final ContextReader context;

    public OfflineEngine(MenuIndex menus, SpellingCorrector speller, IntentModel model) {
        this.menus = menus;
        this.speller = speller;
        this.model = model;
        this.items = new ItemExtractor(menus);
        this.context = new ContextReader(menus, items);
    }

    public Understanding understand(UnderstandRequest request) {
        Role role = request.role();
        ParsedMessage parsed = ParsedMessage.of(role, request.text(), request.now());
        String rest = parsed.rest();

        List<String> words = TextNormalizer.tokens(rest);
        String restaurantId = request.restaurantId();
        var named = role == Role.CUSTOMER ? menus.findRestaurant(words) : Optional.<MenuIndex.RestaurantMatch>empty();
        String itemText = rest;
        if (named.isPresent()) {
            restaurantId = named.get().restaurantId();
            List<String> kept = new ArrayList<>(words.subList(0, named.get().fromWord()));
            kept.addAll(words.subList(named.get().toWord(), words.size()));
            itemText = String.join(" ", kept);
        }
        List<ItemMention> found = role == Role.WORKER ? List.of() : items.extract(itemText, restaurantId);

        List<String> corrected = speller.correct(TextNormalizer.tokens(parsed.folded()));
        Optional<PaymentMethod> payment = PaymentParser.find(corrected);
        IntentFeatures.Items kind = kind(found, speller.correct(TextNormalizer.tokens(itemText)));
        List<String> features = IntentFeatures.of(
                parsed,
                new IntentFeatures.Signals(kind, found.size(), payment.isPresent(), parsed.addressAlone()),
                itemWords());
        List<IntentCandidate> ranked = model.rank(role, features);
        List<IntentCandidate> top = ranked.subList(0, Math.min(CANDIDATES, ranked.size()));
        Intent intent = top.get(0).intent();
        double confidence = top.get(0).probability();
        if (confidence < model.abstainBelow()) {
            intent = Intent.UNKNOWN;
        }

        Optional<ItemMention> same =
                role == Role.CUSTOMER && found.isEmpty() ? sameAgain(parsed, request) : Optional.empty();
        if (same.isPresent()) {
            intent = Intent.ADD_TO_CART;
            found = List.of(same.get());
            kind = IntentFeatures.Items.SPECIFIC;
            confidence = Math.max(confidence, 0.8);
        }

        // a short reply ("sí", "1", "el segundo", "otra igual") means what our last question makes it mean
        Optional<ContextReader.Reading> reading = context.read(request);
        String orderReference = parsed.orderReference().map(Found::value).orElse(null);
        Integer choice = null;
        Integer quantity = null;
        if (reading.isPresent()) {
            ContextReader.Reading r = reading.get();
            intent = r.intent();
            confidence = ContextReader.CONFIDENCE;
            top = decidedFirst(intent, ranked);
            if (!r.items().isEmpty()) {
                found = r.items();
                kind = IntentFeatures.Items.SPECIFIC;
            }
            restaurantId = r.restaurantId() != null ? r.restaurantId() : restaurantId;
            payment = r.payment() != null ? Optional.of(r.payment()) : payment;
            orderReference = r.orderReference() != null && orderReference == null ? r.orderReference() : orderReference;
            choice = r.choice();
            quantity = r.quantity();
        }

        List<ItemMention> returned = List.of();
        if (intent.carriesItems()) {
            returned = intent == Intent.SEARCH && kind != IntentFeatures.Items.SPECIFIC ? List.of() : found;
        }
        Entities entities = new Entities(
                returned,
                restaurantId,
                parsed.address().map(Found::value).orElse(null),
                parsed.time().map(Found::value).orElse(null),
                payment.orElse(null),
                parsed.pin().map(Found::value).orElse(null),
                orderReference,
                parsed.price().map(Found::value).orElse(null),
                choice,
                quantity);
        return new Understanding(
                intent,
                Math.round(confidence * 1000) / 1000.0,
                entities,
                language(corrected, request.languageHint()),
                Engine.OFFLINE,
                List.copyOf(top));
    }

    /**
     * The candidates when the last question decided the intent: that intent first with the context's confidence, then
     * the classifier's others with what probability is left, so they still sum to at most 1.
     */
    private static List<IntentCandidate> decidedFirst(Intent decided, List<IntentCandidate> model) {
        List<IntentCandidate> out = new ArrayList<>();
        out.add(new IntentCandidate(decided, ContextReader.CONFIDENCE));
        double rest = 1 - ContextReader.CONFIDENCE;
        for (IntentCandidate c : model) {
            if (out.size() < CANDIDATES && c.intent() != decided) {
                out.add(new IntentCandidate(c.intent(), Math.round(c.probability() * rest * 1000) / 1000.0));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern SAME_AGAIN = java.util.regex.Pattern.compile(
            "^(?:y |ah y |ponme |dame |agrega |agregame )?(?:(?:otra|otro|una|un|\\d+|dos|tres) )?(?:mas )?(?:igual|iguales|de la misma|del mismo|"
                    + "de lo mismo)(?: porfa| por favor| please)?$|^(?:one more|another one|same again)(?: please)?$");

    /**
     * "otra igual", "dos más iguales", "one more": with a cart, another of the last line. Only the conversation's
     * context (the cart it sends) can say which item that is.
     */
    private static Optional<ItemMention> sameAgain(ParsedMessage parsed, UnderstandRequest request) {
        if (request.cart().isEmpty()) {
            return Optional.empty();
        }
        String text = String.join(" ", TextNormalizer.tokens(parsed.folded()));
        if (!SAME_AGAIN.matcher(text).matches()) {
            return Optional.empty();
        }
        var last = request.cart().getLast();
        int qty = co.wpfoods.ai.understanding.domain.parse.QuantityParser.find(TextNormalizer.tokens(parsed.folded()))
                .map(Found::value)
                .orElse(1);
        return Optional.of(new ItemMention(
                last.itemId(), last.name(), request.restaurantId(), qty, List.of(), parsed.folded(), 1.0));
    }

    private record ItemWords(String menuVersion, java.util.function.Predicate<String> test) {}

    private volatile ItemWords itemWords;

    /** The dish words of the current menus, for the classifier's {@code zzitem} marker; rebuilt when a menu changes. */
    private java.util.function.Predicate<String> itemWords() {
        String version = menus.versionKey();
        ItemWords w = itemWords;
        if (w == null || !w.menuVersion().equals(version)) {
            java.util.Set<String> dishWords = new java.util.HashSet<>(menus.vocabulary());
            dishWords.addAll(IntentTrainingData.dishWords());
            w = new ItemWords(version, IntentTrainingData.itemWords(dishWords));
            itemWords = w;
        }
        return w.test();
    }

    /**
     * Whether the items found rest on real dish words or only on generic food words ("pizza", "algo dulce", "🍕"):
     * the message's words that are in a menu's vocabulary decide, ignoring stop words and generic food words.
     */
    private IntentFeatures.Items kind(List<ItemMention> found, List<String> words) {
        if (found.isEmpty()) {
            return IntentFeatures.Items.NONE;
        }
        var vocabulary = menus.vocabulary();
        for (String w : words) {
            if (Lexicon.ITEM_STOPWORDS.contains(w)
                    || Lexicon.isGenericFood(w)
                    || Lexicon.isGenericFood(IntentFeatures.singular(w))) {
                continue;
            }
            if (vocabulary.contains(w) || vocabulary.contains(IntentFeatures.singular(w))) {
                return IntentFeatures.Items.SPECIFIC;
            }
        }
        return IntentFeatures.Items.GENERIC;
    }

    /** "en" when English words outnumber Spanish ones; the caller's hint decides a tie. */
    public static String language(List<String> words, String hint) {
        long en = words.stream().filter(Lexicon.ENGLISH::contains).count();
        long es = words.stream().filter(Lexicon.SPANISH::contains).count();
        if (en > es) {
            return "en";
        }
        if (es > en) {
            return "es";
        }
        return hint != null && hint.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "es";
    }
}
