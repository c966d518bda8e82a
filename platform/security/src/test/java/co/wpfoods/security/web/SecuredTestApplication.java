package co.wpfoods.security.web;

import co.wpfoods.security.Caller;
import co.wpfoods.security.Role;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service with the module on its classpath, as the tests' stand-in for order-service and the others. */
@SpringBootApplication
public class SecuredTestApplication {

    @Bean
    ApiAuthorization restaurantsApi() {
        return rules -> rules.requestMatchers("/api/test/restaurants/**")
                .hasAnyRole(Role.OPS.claimValue(), Role.RESTAURANT.claimValue())
                .requestMatchers("/api/test/workers/**")
                .hasAnyRole(Role.WORKER_ADMIN.claimValue(), Role.OPS.claimValue())
                .requestMatchers("/api/test/internal/**")
                .hasRole(Role.SERVICE.claimValue());
    }

    @RestController
    static class TestController {

        record Restaurant(String id, String name, String staffPhone) {}

        static final List<Restaurant> RESTAURANTS = List.of(
                new Restaurant("r-1", "La Fonda Paisa", "573105550101"),
                new Restaurant("r-2", "La Brasa Rola", "573105550102"));

        @GetMapping("/api/test/restaurants")
        List<Restaurant> all() {
            Caller caller = Caller.current();
            return caller.onlyOwnRestaurants(RESTAURANTS, Restaurant::id).stream()
                    .map(r -> caller.isOps() ? r : new Restaurant(r.id(), r.name(), null))
                    .toList();
        }

        @GetMapping("/api/test/restaurants/{id}")
        Restaurant one(@PathVariable String id) {
            Caller.current().requireRestaurant(id);
            return RESTAURANTS.stream()
                    .filter(r -> r.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        }

        @PostMapping("/api/test/workers")
        Map<String, String> register() {
            return Map.of("registered", "yes");
        }

        @GetMapping("/api/test/ops-report")
        Map<String, String> opsReport() {
            return Map.of("report", "ok");
        }

        /** A service-to-service endpoint: who called (the token's subject). */
        @GetMapping("/api/test/internal/caller")
        Map<String, String> internalCaller() {
            return Map.of("subject", Caller.current().subject());
        }

        @GetMapping("/api/test/boom")
        String boom() {
            throw new IllegalStateException("database at db-7.internal.wpfoods:5432 refused user wpfoods");
        }

        @GetMapping("/hooks/test")
        String hook() {
            return "open";
        }
    }
}
