package co.wpfoods.dispatch.delivery.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The last question sent to a worker, as ai-service reads it ({@code context.lastMessages}): the body, then the
 * options' titles numbered 1, 2, 3…; and the options' reply ids in the same order, so a line picked by number is the
 * tap it stands for.
 */
public record WorkerPrompt(String text, List<String> options, Instant sentAt) {

    public WorkerPrompt {
        options = List.copyOf(options);
    }

    /** The body followed by the titles numbered from 1, one per line. */
    public static WorkerPrompt of(String body, List<String> ids, List<String> titles, Instant sentAt) {
        StringBuilder text = new StringBuilder(body);
        for (int i = 0; i < titles.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(titles.get(i));
        }
        return new WorkerPrompt(text.toString(), ids, sentAt);
    }

    /** The reply id of the option at a 1-based position ({@code -1}: the last one). */
    public Optional<String> option(int position) {
        int index = position == -1 ? options.size() - 1 : position - 1;
        return index >= 0 && index < options.size() ? Optional.of(options.get(index)) : Optional.empty();
    }
}
