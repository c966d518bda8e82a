package co.wpfoods.ai.menus.adapter.out.lucene;

import co.wpfoods.ai.menus.application.MenuIndex;
import co.wpfoods.ai.menus.domain.MenuSnapshot;
import co.wpfoods.ai.menus.domain.MenuSnapshot.MenuItem;
import co.wpfoods.ai.understanding.domain.text.Lexicon;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * The menu index in memory, in Lucene. Candidates come from fuzzy term queries over item names; each candidate is
 * then scored by how much of its name and of the query the words cover (Levenshtein automata, idf-weighted), so that
 * "hamburgesa bbq" finds "Hamburguesa BBQ" and "hamburguesa" alone finds the house burger rather than any burger.
 *
 * <p>The whole index is rebuilt on every menu change (a few hundred items take milliseconds); searches read an
 * immutable generation, so readers never lock.
 */
public final class LuceneMenuIndex implements MenuIndex {

    private static final double FUZZY_WEIGHT = 0.8;

    private final MenuAnalyzer analyzer = new MenuAnalyzer();
    private final Map<String, MenuSnapshot> menus = new ConcurrentHashMap<>();
    private volatile Generation generation;

    public LuceneMenuIndex() {
        this.generation = build(List.of());
    }

    @Override
    public synchronized boolean publish(MenuSnapshot menu) {
        MenuSnapshot current = menus.get(menu.restaurantId());
        if (current != null && current.version() >= menu.version()) {
            return false;
        }
        menus.put(menu.restaurantId(), menu);
        generation = build(new ArrayList<>(new TreeMap<>(menus).values()));
        return true;
    }

    @Override
    public Optional<MenuSnapshot> menu(String restaurantId) {
        return Optional.ofNullable(menus.get(restaurantId));
    }

    @Override
    public Collection<MenuSnapshot> menus() {
        return List.copyOf(menus.values());
    }

    @Override
    public String versionKey() {
        return generation.versionKey;
    }

    @Override
    public Set<String> vocabulary() {
        return generation.vocabulary;
    }

    @Override
    public List<ItemCandidate> search(List<String> queryWords, String restaurantId, int max) {
        Generation g = generation;
        List<String> stems = analyzer.stems(itemText(String.join(" ", queryWords)));
        if (stems.isEmpty() || g.docs.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        List<Matcher> matchers = new ArrayList<>();
        for (String stem : stems) {
            matchers.add(matcher(stem));
        }
        // expand each word to the index terms within its edit distance (cached automata over the small term list),
        // instead of FuzzyQuery, which builds its automata again on every search
        Set<String> terms = new LinkedHashSet<>();
        for (Matcher m : matchers) {
            terms.addAll(g.expansions.computeIfAbsent(m.stem, k -> expand(g, m)));
        }
        if (terms.isEmpty()) {
            return List.of();
        }
        for (String term : terms) {
            q.add(new TermQuery(new Term("name", term)), Occur.SHOULD);
        }
        q.setMinimumNumberShouldMatch(1);
        if (restaurantId != null) {
            q.add(new TermQuery(new Term("rid", restaurantId)), Occur.FILTER);
        }
        try {
            ScoreDoc[] hits = g.searcher.search(q.build(), Math.max(max, 40)).scoreDocs;
            StoredFields stored = g.searcher.storedFields();
            List<ItemCandidate> out = new ArrayList<>();
            for (ScoreDoc hit : hits) {
                int ord =
                        stored.document(hit.doc).getField("ord").numericValue().intValue();
                out.add(score(g, g.docs.get(ord), matchers));
            }
            out.sort(Comparator.comparingDouble((ItemCandidate c) -> -c.queryCoverage())
                    .thenComparingDouble(c -> -c.plainNameCoverage())
                    .thenComparingInt(ItemCandidate::menuOrder));
            return out.size() > max ? out.subList(0, max) : out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> expand(Generation g, Matcher m) {
        List<String> out = new ArrayList<>();
        for (String term : g.itemStemDf.keySet()) {
            if (m.stem.equals(term) || (m.fuzzy != null && m.fuzzy.run(term))) {
                out.add(term);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<RestaurantMatch> findRestaurant(List<String> words) {
        Generation g = generation;
        for (var r : g.restaurantStems.entrySet()) {
            int from = -1;
            int to = -1;
            for (int i = 0; i < words.size(); i++) {
                List<String> stems = analyzer.stems(words.get(i));
                if (stems.size() == 1
                        && r.getValue().contains(stems.get(0))
                        && !g.itemStemDf.containsKey(stems.get(0))) {
                    from = from < 0 ? i : from;
                    to = i + 1;
                }
            }
            if (from >= 0) {
                return Optional.of(new RestaurantMatch(r.getKey(), from, to));
            }
        }
        return Optional.empty();
    }

    private ItemCandidate score(Generation g, Doc doc, List<Matcher> matchers) {
        double total = 0;
        double covered = 0;
        int plainCovered = 0;
        Set<Integer> usedQuery = new TreeSet<>();
        for (String nameStem : doc.stems) {
            double w = g.weight(nameStem);
            total += w;
            double best = 0;
            for (int i = 0; i < matchers.size(); i++) {
                Matcher m = matchers.get(i);
                double hit =
                        m.stem.equals(nameStem) ? 1.0 : m.fuzzy != null && m.fuzzy.run(nameStem) ? FUZZY_WEIGHT : 0;
                if (hit > 0) {
                    usedQuery.add(i);
                    best = Math.max(best, hit);
                }
            }
            covered += w * best;
            plainCovered += best > 0 ? 1 : 0;
        }
        double nameCoverage = total == 0 ? 0 : covered / total;
        double plain = doc.stems.isEmpty() ? 0 : (double) plainCovered / doc.stems.size();
        double queryCoverage = matchers.isEmpty() ? 0 : (double) usedQuery.size() / matchers.size();
        return new ItemCandidate(doc.item, doc.restaurantId, nameCoverage, plain, queryCoverage, doc.ord, usedQuery);
    }

    /** Levenshtein automata are costly to build and query words repeat: keep them (bounded). */
    private final Map<String, Matcher> matcherCache = new ConcurrentHashMap<>();

    private Matcher matcher(String stem) {
        if (matcherCache.size() > 20_000) {
            matcherCache.clear();
        }
        return matcherCache.computeIfAbsent(stem, s -> new Matcher(s, maxEdits(s)));
    }

    private static int maxEdits(String stem) {
        if (stem.length() <= 3 || !stem.chars().allMatch(Character::isLetter)) {
            return 0;
        }
        return stem.length() <= 6 ? 1 : 2;
    }

    /** Normalized item text: English food words in Spanish, "x12" as "12". */
    static String itemText(String text) {
        List<String> words = TextNormalizer.tokens(text);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String pair = i + 1 < words.size() ? w + " " + words.get(i + 1) : null;
            String triple = i + 2 < words.size() ? pair + " " + words.get(i + 2) : null;
            String out;
            if (triple != null && Lexicon.FOOD_TRANSLATIONS.containsKey(triple)) {
                out = Lexicon.FOOD_TRANSLATIONS.get(triple);
                i += 2;
            } else if (pair != null && Lexicon.FOOD_TRANSLATIONS.containsKey(pair)) {
                out = Lexicon.FOOD_TRANSLATIONS.get(pair);
                i += 1;
            } else if (w.equals("coca")
                    && i + 1 < words.size()
                    && words.get(i + 1).equals("cola")) {
                out = w;
            } else {
                out = Lexicon.FOOD_TRANSLATIONS.getOrDefault(w, w);
            }
            if (out.matches("x\\d{1,3}")) {
                out = out.substring(1);
            }
            sb.append(out).append(' ');
        }
        return sb.toString().trim();
    }

    private Generation build(List<MenuSnapshot> snapshot) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            List<Doc> docs = new ArrayList<>();
            Map<String, Integer> df = new HashMap<>();
            Map<String, Set<String>> restaurantStems = new LinkedHashMap<>();
            Set<String> vocabulary = new TreeSet<>();
            StringBuilder versionKey = new StringBuilder();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (MenuSnapshot menu : snapshot) {
                    versionKey
                            .append(menu.restaurantId())
                            .append('@')
                            .append(menu.version())
                            .append(';');
                    restaurantStems.put(
                            menu.restaurantId(), new HashSet<>(analyzer.stems(itemText(menu.restaurantName()))));
                    vocabulary.addAll(TextNormalizer.tokens(menu.restaurantName()));
                    int order = 0;
                    for (MenuItem item : menu.items()) {
                        String text = itemText(item.name());
                        List<String> stems = analyzer.stems(text);
                        vocabulary.addAll(TextNormalizer.tokens(item.name()));
                        new HashSet<>(stems).forEach(s -> df.merge(s, 1, Integer::sum));
                        Doc doc = new Doc(docs.size(), item, menu.restaurantId(), List.copyOf(stems), order++);
                        docs.add(doc);
                        Document d = new Document();
                        d.add(new StringField("rid", menu.restaurantId(), Field.Store.NO));
                        d.add(new TextField("name", text, Field.Store.NO));
                        d.add(new StoredField("ord", doc.ord));
                        w.addDocument(d);
                    }
                }
                w.commit();
            }
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
            return new Generation(
                    searcher,
                    docs,
                    df,
                    restaurantStems,
                    Set.copyOf(vocabulary),
                    versionKey.toString(),
                    new ConcurrentHashMap<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Doc(int ord, MenuItem item, String restaurantId, List<String> stems, int order) {}

    private record Generation(
            IndexSearcher searcher,
            List<Doc> docs,
            Map<String, Integer> itemStemDf,
            Map<String, Set<String>> restaurantStems,
            Set<String> vocabulary,
            String versionKey,
            Map<String, List<String>> expansions) {

        double weight(String stem) {
            int n = Math.max(1, docs.size());
            return Math.log(1.0 + (double) n / itemStemDf.getOrDefault(stem, 1));
        }
    }

    private static final class Matcher {
        final String stem;
        final CharacterRunAutomaton fuzzy;

        Matcher(String stem, int edits) {
            this.stem = stem;
            this.fuzzy = edits == 0
                    ? null
                    : new CharacterRunAutomaton(
                            new LevenshteinAutomata(stem.substring(1), true).toAutomaton(edits, stem.substring(0, 1)));
        }
    }
}
