package co.wpfoods.order;

import co.wpfoods.testing.architecture.HouseRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The house rules (platform/test-fixtures), the same for every service, over this service's classes. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> the_service_follows_the_house_rules() {
        return HouseRules.forService("order").tests();
    }
}
