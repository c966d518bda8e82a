package co.wpfoods.schemas;

import co.wpfoods.schemas.wa.Role;
import java.util.List;

/** Kafka topic names, grouped by the service that writes them. Names are {@code <domain>.<stream>.v<major>}. */
public final class Topics {

    private Topics() {}

    /** Suffix of the dead-letter topic that every consumed topic has. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** Written by webhook-service (and ai-service for transcripts). Key: sender wa_id. */
    public static final class WhatsApp {
        private WhatsApp() {}

        public static final String INBOUND_CUSTOMER = "wa.inbound.customer.v1";
        public static final String INBOUND_RESTAURANT = "wa.inbound.restaurant.v1";
        public static final String INBOUND_WORKER = "wa.inbound.worker.v1";
        public static final String INBOUND_MEDIA = "wa.inbound.media.v1";
        /** Key: recipient wa_id. */
        public static final String STATUS = "wa.status.v1";
        /** Written by every domain service through its outbox. Key: recipient wa_id. */
        public static final String OUTBOUND = "wa.outbound.v1";
        /** Written by messaging-service. Key: recipient wa_id. */
        public static final String OUTBOUND_DLQ = "wa.outbound.dlq.v1";

        public static final List<String> INBOUND_BY_ROLE =
                List.of(INBOUND_CUSTOMER, INBOUND_RESTAURANT, INBOUND_WORKER);

        /** The inbound topic of a sender's role: the one rule for where a user's messages go. */
        public static String inboundFor(Role role) {
            return switch (role) {
                case CUSTOMER -> INBOUND_CUSTOMER;
                case RESTAURANT -> INBOUND_RESTAURANT;
                case WORKER -> INBOUND_WORKER;
            };
        }
    }

    /** Written by order-service. */
    public static final class Orders {
        private Orders() {}

        /** Key: order id. */
        public static final String ORDER = "orders.order.v1";
        /** Key: restaurant id. */
        public static final String RESTAURANT = "orders.restaurant.v1";
    }

    /** Written by dispatch-service. */
    public static final class Dispatch {
        private Dispatch() {}

        /** Key: order id. */
        public static final String DELIVERY = "dispatch.delivery.v1";
        /** Key: worker id. */
        public static final String WORKER = "dispatch.worker.v1";
    }

    /** Written by payment-service. */
    public static final class Payments {
        private Payments() {}

        /** Key: order id. */
        public static final String PAYMENT = "payments.payment.v1";
    }

    /** Written by messaging-service. */
    public static final class Messaging {
        private Messaging() {}

        /** Key: recipient wa_id. */
        public static final String DELIVERY = "messaging.delivery.v1";
    }

    /** Written by order-service (requests, ops or chat) and every service holding personal data (confirmations). */
    public static final class Privacy {
        private Privacy() {}

        /** {@code ErasureRequested}, {@code ErasureConfirmed}. Key: erasure id. */
        public static final String ERASURE = "privacy.erasure.v1";
    }

    /** Every topic above, for declaring them. */
    public static final List<String> ALL = List.of(
            WhatsApp.INBOUND_CUSTOMER,
            WhatsApp.INBOUND_RESTAURANT,
            WhatsApp.INBOUND_WORKER,
            WhatsApp.INBOUND_MEDIA,
            WhatsApp.STATUS,
            WhatsApp.OUTBOUND,
            WhatsApp.OUTBOUND_DLQ,
            Orders.ORDER,
            Orders.RESTAURANT,
            Dispatch.DELIVERY,
            Dispatch.WORKER,
            Payments.PAYMENT,
            Messaging.DELIVERY,
            Privacy.ERASURE);

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
