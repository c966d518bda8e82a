package co.wpfoods.dispatch.matching;

import co.wpfoods.dispatch.matching.domain.FreeWorker;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import co.wpfoods.dispatch.matching.domain.PoolOrder;
import co.wpfoods.dispatch.matching.domain.Vehicle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random pools in a Bogotá-sized box, from a seed. */
final class PoolMother {

    static final Instant NOW = Instant.parse("2026-12-07T17:30:00Z");
    static final double LAT = 4.65;
    static final double LON = -74.08;

    private PoolMother() {}

    static List<PoolOrder> orders(Random random, int count, double spanDegrees, int maxExcluded, int workers) {
        List<PoolOrder> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Set<String> excluded = new HashSet<>();
            int exclusions = maxExcluded == 0 ? 0 : random.nextInt(maxExcluded + 1);
            for (int e = 0; e < exclusions && workers > 0; e++) {
                excluded.add("w" + random.nextInt(workers));
            }
            orders.add(new PoolOrder(
                    "o" + i, point(random, spanDegrees), NOW.plusSeconds(random.nextInt(1200) - 300), excluded));
        }
        return orders;
    }

    static List<FreeWorker> workers(Random random, int count, double spanDegrees, boolean mixedVehicles) {
        List<FreeWorker> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Vehicle vehicle =
                    mixedVehicles ? Vehicle.values()[random.nextInt(Vehicle.values().length)] : Vehicle.MOTORCYCLE;
            workers.add(new FreeWorker("w" + i, point(random, spanDegrees), vehicle));
        }
        return workers;
    }

    static GeoPoint point(Random random, double spanDegrees) {
        return new GeoPoint(
                LAT + (random.nextDouble() - 0.5) * spanDegrees, LON + (random.nextDouble() - 0.5) * spanDegrees);
    }
}
