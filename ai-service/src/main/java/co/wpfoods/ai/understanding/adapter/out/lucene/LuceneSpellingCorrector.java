package co.wpfoods.ai.understanding.adapter.out.lucene;

import co.wpfoods.ai.menus.application.MenuIndex;
import co.wpfoods.ai.understanding.application.IntentTrainingData;
import co.wpfoods.ai.understanding.application.SpellingCorrector;
import co.wpfoods.ai.understanding.domain.text.Lexicon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Corrects words that are not in the vocabulary (intent cue words, menu words, common words) to the closest
 * vocabulary word with Lucene's {@link DirectSpellChecker}: one edit for words of 5–7 letters, two from 8. Short
 * words and known words are never touched, so "casa" does not turn into "cash".
 */
public final class LuceneSpellingCorrector implements SpellingCorrector {

    private static final int MIN_LENGTH = 5;

    private final MenuIndex menus;
    private final Set<String> extraVocabulary;
    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);
    private volatile Vocabulary vocabulary;

    /** Corrects towards the menus' words, the lexicon and the words of the intent training corpus. */
    public LuceneSpellingCorrector(MenuIndex menus) {
        this(menus, IntentTrainingData.vocabulary());
    }

    public LuceneSpellingCorrector(MenuIndex menus, Set<String> extraVocabulary) {
        this.menus = menus;
        this.extraVocabulary = Set.copyOf(extraVocabulary);
    }

    private static DirectSpellChecker checker(int maxEdits) {
        DirectSpellChecker c = new DirectSpellChecker();
        c.setMinPrefix(0);
        c.setMinQueryLength(MIN_LENGTH);
        c.setAccuracy(0.5f);
        c.setMaxEdits(maxEdits);
        return c;
    }

    @Override
    public List<String> correct(List<String> words) {
        Vocabulary v = current();
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(correctOne(v, w));
        }
        return out;
    }

    private String correctOne(Vocabulary v, String word) {
        if (word.length() < MIN_LENGTH
                || v.words.contains(word)
                || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        String known = v.corrections.get(word);
        if (known != null) {
            return known;
        }
        if (v.corrections.size() > 20_000) {
            v.corrections.clear();
        }
        String corrected = suggest(v, word);
        v.corrections.put(word, corrected);
        return corrected;
    }

    private String suggest(Vocabulary v, String word) {
        try {
            DirectSpellChecker checker = word.length() >= 8 ? twoEdits : oneEdit;
            SuggestWord[] s = checker.suggestSimilar(new Term("w", word), 1, v.reader, SuggestMode.SUGGEST_ALWAYS);
            return s.length == 0 ? word : s[0].string;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Vocabulary current() {
        String key = menus.versionKey();
        Vocabulary v = vocabulary;
        if (v == null || !v.key.equals(key)) {
            v = build(key);
            vocabulary = v;
        }
        return v;
    }

    private Vocabulary build(String key) {
        Set<String> targets = new HashSet<>(extraVocabulary);
        targets.addAll(menus.vocabulary());
        targets.addAll(Lexicon.SPANISH);
        targets.addAll(Lexicon.ENGLISH);
        targets.removeIf(w -> w.length() < MIN_LENGTH - 1 || !w.chars().allMatch(Character::isLetter));
        Set<String> known = new HashSet<>(targets);
        known.addAll(Lexicon.ITEM_STOPWORDS);
        known.addAll(Lexicon.COMMON);
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()))) {
                for (String t : targets) {
                    Document d = new Document();
                    d.add(new StringField("w", t, Field.Store.NO));
                    w.addDocument(d);
                }
            }
            return new Vocabulary(key, DirectoryReader.open(dir), Set.copyOf(known), new ConcurrentHashMap<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Vocabulary(String key, IndexReader reader, Set<String> words, Map<String, String> corrections) {}
}
