package co.wpfoods.privacy;

import co.wpfoods.testing.architecture.HouseRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The house rules (platform/test-fixtures) over the kit's classes, laid out as one feature like a service's slice. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> the_kit_follows_the_house_rules() {
        return HouseRules.forKit("privacy").tests();
    }
}
