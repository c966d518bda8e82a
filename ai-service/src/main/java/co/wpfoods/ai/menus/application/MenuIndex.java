package co.wpfoods.ai.menus.application;

import co.wpfoods.ai.menus.domain.MenuSnapshot;
import co.wpfoods.ai.menus.domain.MenuSnapshot.MenuItem;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: the searchable read model of every restaurant's current menu. */
public interface MenuIndex {

    /** Replaces a restaurant's menu unless the index already holds the same or a newer version. */
    boolean publish(MenuSnapshot menu);

    Optional<MenuSnapshot> menu(String restaurantId);

    Collection<MenuSnapshot> menus();

    /** Changes whenever any menu changes; part of cache keys. */
    String versionKey();

    /**
     * Items whose names match the query words (typo-tolerant), best first. {@code restaurantId} null searches every
     * restaurant.
     */
    List<ItemCandidate> search(List<String> queryWords, String restaurantId, int max);

    /** A restaurant named in the words, with the word positions that named it. */
    Optional<RestaurantMatch> findRestaurant(List<String> words);

    /** Every word in menu and restaurant names, for spelling correction. */
    Set<String> vocabulary();

    /**
     * A candidate item. {@code nameCoverage} is the idf-weighted share of the item's name the query covered,
     * {@code plainNameCoverage} the unweighted share, {@code queryCoverage} the share of query words used, and
     * {@code matchedQueryWords} their positions in the query.
     */
    record ItemCandidate(
            MenuItem item,
            String restaurantId,
            double nameCoverage,
            double plainNameCoverage,
            double queryCoverage,
            int menuOrder,
            Set<Integer> matchedQueryWords) {}

    record RestaurantMatch(String restaurantId, int fromWord, int toWord) {}
}
