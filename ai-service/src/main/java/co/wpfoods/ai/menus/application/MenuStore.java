package co.wpfoods.ai.menus.application;

import co.wpfoods.ai.menus.domain.MenuSnapshot;
import java.util.List;

/** Port: the durable copy of the menu read model. */
public interface MenuStore {

    /** Saves the menu unless the same or a newer version is stored; true when saved. */
    boolean saveIfNewer(MenuSnapshot menu);

    List<MenuSnapshot> all();
}
