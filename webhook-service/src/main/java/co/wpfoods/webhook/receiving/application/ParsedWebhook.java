package co.wpfoods.webhook.receiving.application;

import java.util.List;

/**
 * A webhook POST split into its records, in delivery order ({@code entry[] × changes[] × messages[]/statuses[]}).
 *
 * @param items one per message and per status
 * @param otherFields {@code changes[].field} values other than {@code messages} (archived, not published)
 * @param valueErrors {@code value.errors[]} objects (account- or app-level errors, archived and counted)
 * @param skippedItems array elements that were not JSON objects (nothing to identify them by)
 */
public record ParsedWebhook(List<ParsedItem> items, List<String> otherFields, int valueErrors, int skippedItems) {

    public ParsedWebhook {
        items = List.copyOf(items);
        otherFields = List.copyOf(otherFields);
    }

    public long messageCount() {
        return items.stream().filter(ParsedItem.Message.class::isInstance).count();
    }

    public long statusCount() {
        return items.stream().filter(ParsedItem.Status.class::isInstance).count();
    }
}
