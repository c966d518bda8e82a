package co.wpfoods.eventingtest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Outside co.wpfoods.eventing so that component scanning does not pick up the kit itself. The smallest service that uses the eventing kit, for the kit's own tests. */
@SpringBootApplication
public class EventingTestApplication {}
