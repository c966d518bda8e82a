package co.wpfoods.ai.understanding.application;

import java.util.List;

/** Port: replaces misspelled words by the closest known word (intent cues, menu words). */
public interface SpellingCorrector {

    List<String> correct(List<String> words);
}
