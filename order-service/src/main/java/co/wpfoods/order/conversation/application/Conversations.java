package co.wpfoods.order.conversation.application;

import co.wpfoods.order.conversation.domain.CustomerChat;
import co.wpfoods.order.conversation.domain.StaffChat;
import java.util.Optional;

/** Where conversation state is kept: one row per person, read for update inside the message's transaction. */
public interface Conversations {

    Optional<CustomerChat> customer(String personKey);

    void save(String personKey, CustomerChat chat);

    /** The person's language without locking their conversation (for notices sent from other transactions). */
    Optional<String> language(String personKey);

    Optional<StaffChat> staff(String personKey);

    void save(String personKey, StaffChat chat);
}
