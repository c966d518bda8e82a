package co.wpfoods.ai.understanding.application;

import co.wpfoods.ai.understanding.domain.IntentCandidate;
import co.wpfoods.ai.understanding.domain.Role;
import java.util.List;

/** Port: a trained intent classifier, one per role. */
public interface IntentModel {

    /** Every intent of the role with its calibrated probability, highest first; the probabilities sum to 1. */
    List<IntentCandidate> rank(Role role, List<String> features);

    /** Below this top probability the engine answers {@code unknown} with its candidates. */
    double abstainBelow();
}
