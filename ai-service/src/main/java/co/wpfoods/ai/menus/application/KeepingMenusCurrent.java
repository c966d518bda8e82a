package co.wpfoods.ai.menus.application;

import co.wpfoods.ai.menus.domain.MenuSnapshot;

/**
 * Use case: a restaurant published its menu. The store keeps the newest version (so replays and old versions change
 * nothing) and the search index follows it.
 */
public final class KeepingMenusCurrent {

    private final MenuStore store;
    private final MenuIndex index;

    public KeepingMenusCurrent(MenuStore store, MenuIndex index) {
        this.store = store;
        this.index = index;
    }

    public boolean apply(MenuSnapshot menu) {
        boolean saved = store.saveIfNewer(menu);
        index.publish(menu);
        return saved;
    }

    /** Rebuilds the index from the store (at start-up). */
    public int reload() {
        var all = store.all();
        all.forEach(index::publish);
        return all.size();
    }
}
