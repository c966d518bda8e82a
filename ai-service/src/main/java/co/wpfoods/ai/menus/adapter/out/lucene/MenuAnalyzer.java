package co.wpfoods.ai.menus.adapter.out.lucene;

import co.wpfoods.ai.understanding.domain.text.Lexicon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.es.SpanishPluralStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one analysis chain for menu names and for what people write about them: normalized words (see
 * {@code TextNormalizer}), item stop words removed, Spanish light stemming (plural and gender: "hawaianas" and
 * "hawaiano" meet).
 */
final class MenuAnalyzer extends Analyzer {

    private static final CharArraySet STOP = new CharArraySet(Lexicon.ITEM_STOPWORDS, false);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        TokenStream stream = new StopFilter(source, STOP);
        stream = new SpanishLightStemFilter(new SpanishPluralStemFilter(stream));
        return new TokenStreamComponents(source, stream);
    }

    /** The stems of already-normalized words, in order. */
    List<String> stems(String normalizedWords) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = tokenStream("name", normalizedWords)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
