package co.wpfoods.ai.recommendation.application;

import co.wpfoods.ai.menus.application.MenuIndex;
import co.wpfoods.ai.menus.domain.MenuSnapshot;
import co.wpfoods.ai.menus.domain.MenuSnapshot.MenuItem;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Use case: items to suggest to a customer — what they order often, what is popular in their zone around this hour,
 * and what fits the time of day — only from open restaurants and available items.
 */
public final class RecommendationService {

    public enum Reason {
        YOUR_FAVOURITE,
        POPULAR_NEAR_YOU,
        GOOD_FOR_THIS_HOUR,
        OPEN_NOW
    }

    public record Suggestion(
            String itemId,
            String name,
            String restaurantId,
            String restaurantName,
            long priceCop,
            Reason reason,
            double score) {}

    private final MenuIndex menus;
    private final PopularityBoard popularity;

    public RecommendationService(MenuIndex menus, PopularityBoard popularity) {
        this.menus = menus;
        this.popularity = popularity;
    }

    public List<Suggestion> recommend(
            Map<String, Integer> history, String zone, LocalTime now, String restaurantId, int limit) {
        List<Suggestion> all = new ArrayList<>();
        int hour = now.getHour();
        for (MenuSnapshot menu : menus.menus()) {
            if (!menu.open() || (restaurantId != null && !restaurantId.equals(menu.restaurantId()))) {
                continue;
            }
            int order = 0;
            for (MenuItem item : menu.items()) {
                order++;
                if (!item.available()) {
                    continue;
                }
                double mine = history.getOrDefault(item.itemId(), 0) * 10.0;
                double popular = popularity.score(zone, hour, item.itemId()) * 2.0;
                double fits = fitsHour(item, hour) ? 3.0 : 0;
                double house = 1.0 / order;
                Reason reason = mine > 0
                        ? Reason.YOUR_FAVOURITE
                        : popular > 0
                                ? Reason.POPULAR_NEAR_YOU
                                : fits > 0 ? Reason.GOOD_FOR_THIS_HOUR : Reason.OPEN_NOW;
                all.add(new Suggestion(
                        item.itemId(),
                        item.name(),
                        menu.restaurantId(),
                        menu.restaurantName(),
                        item.priceCop(),
                        reason,
                        mine + popular + fits + house));
            }
        }
        all.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        // at most two suggestions of the same category per restaurant, so the list is varied
        List<Suggestion> out = new ArrayList<>();
        Map<String, Integer> perGroup = new java.util.HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Suggestion s : all) {
            String group = s.restaurantId() + "|" + category(s);
            if (s.reason() != Reason.YOUR_FAVOURITE && perGroup.merge(group, 1, Integer::sum) > 2) {
                continue;
            }
            if (seen.add(s.itemId())) {
                out.add(s);
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    private String category(Suggestion s) {
        return menus.menu(s.restaurantId())
                .flatMap(m -> m.items().stream()
                        .filter(i -> i.itemId().equals(s.itemId()))
                        .findFirst())
                .map(i -> String.valueOf(i.category()))
                .orElse("");
    }

    private static boolean fitsHour(MenuItem item, int hour) {
        String c = item.category() == null ? "" : item.category().toLowerCase(java.util.Locale.ROOT);
        if (hour >= 5 && hour < 11) {
            return c.contains("desayuno") || c.contains("arepa") || c.contains("bebida") || c.contains("jugo");
        }
        if (hour >= 11 && hour < 16) {
            return c.contains("sopa") || c.contains("plato") || c.contains("almuerzo") || c.contains("combo");
        }
        return c.contains("hamburguesa")
                || c.contains("pizza")
                || c.contains("perro")
                || c.contains("combo")
                || c.contains("alitas");
    }
}
