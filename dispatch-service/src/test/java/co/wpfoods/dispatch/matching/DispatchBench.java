package co.wpfoods.dispatch.matching;

import co.wpfoods.dispatch.matching.domain.Assignment;
import co.wpfoods.dispatch.matching.domain.CostModel;
import co.wpfoods.dispatch.matching.domain.FreeWorker;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import co.wpfoods.dispatch.matching.domain.PoolOrder;
import co.wpfoods.dispatch.matching.domain.Vehicle;
import co.wpfoods.dispatch.matching.domain.solver.BatchSolver;
import co.wpfoods.dispatch.matching.domain.solver.GreedyAssignment;
import co.wpfoods.testing.bench.BenchmarkLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Benchmark {@code dispatch}: a seeded Bogotá-like city (restaurants in clusters, workers spread over the city), a
 * lunch rush (500 waiting orders × 750 online workers) and a calm hour at scale (500 × 5,000) in the same run, against
 * greedy nearest-available on the same instances, plus small instances against brute force. Not part of the build:
 * run with {@code ./mvnw -B -pl dispatch-service -am test -Dtest=DispatchBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.seed=7 -Dbench.warmup=30 -Dbench.repeats=15 -Dbench.small=2000 -Dbench.candidates=12}).
 */
class DispatchBench {

    static final Instant NOW = Instant.parse("2026-12-07T17:30:00Z");
    // Bogotá's built-up area, roughly: Usme to Usaquén, Fontibón to the eastern hills
    static final double SOUTH = 4.53;
    static final double NORTH = 4.77;
    static final double WEST = -74.17;
    static final double EAST = -74.03;
    /** Restaurant clusters: the commercial strips of a Bogotá-like city, seeded. */
    static final GeoPoint[] CLUSTERS = clusters(new Random(20261207), 40);

    static GeoPoint[] clusters(Random random, int count) {
        GeoPoint[] clusters = new GeoPoint[count];
        for (int i = 0; i < count; i++) {
            clusters[i] = new GeoPoint(
                    SOUTH + 0.02 + random.nextDouble() * (NORTH - SOUTH - 0.04),
                    WEST + 0.02 + random.nextDouble() * (EAST - WEST - 0.04));
        }
        return clusters;
    }

    final long seed = Long.getLong("bench.seed", 7);
    final int repeats = Integer.getInteger("bench.repeats", 15);
    /** Untimed solves first: the service solves every 10 s, so what it runs is JIT-compiled code. */
    final int warmup = Integer.getInteger("bench.warmup", 30);

    final int smallCases = Integer.getInteger("bench.small", 2000);
    final int candidates = Integer.getInteger("bench.candidates", 12);
    final CostModel costs = CostModel.STANDARD;

    @Test
    void dispatch() {
        Scenario rush = scenario("rush 500x750", 500, 750, seed);
        Scenario calm = scenario("calm 500x5000", 500, 5000, seed + 1);
        double smallOptimalPct = smallCases();

        String command = String.format(
                Locale.ROOT,
                "./mvnw -B -pl dispatch-service -am test -Dtest=DispatchBench -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dbench.seed=%d -Dbench.warmup=%d -Dbench.repeats=%d -Dbench.small=%d"
                        + " -Dbench.candidates=%d",
                seed,
                warmup,
                repeats,
                smallCases,
                candidates);
        BenchmarkLog log = new BenchmarkLog("dispatch", command);
        log.record("batch_solve_ms", Math.max(rush.solveMs, calm.solveMs), "ms");
        log.record("distance_saving_vs_greedy_pct", rush.savingVsGreedyPct, "%");
        log.record("small_cases_optimal_pct", smallOptimalPct, "%");
        log.record("batch_solve_ms_rush", rush.solveMs, "ms");
        log.record("batch_solve_ms_calm", calm.solveMs, "ms");
        log.record("batch_solve_max_ms", Math.max(rush.solveMaxMs, calm.solveMaxMs), "ms");
        log.record("distance_saving_vs_greedy_pct_calm", calm.savingVsGreedyPct, "%");
        log.record("gap_to_unpruned_optimum_pct_rush", rush.gapToOptimumPct, "%");
        log.record("gap_to_unpruned_optimum_pct_calm", calm.gapToOptimumPct, "%");
        log.record("optimum_saving_vs_greedy_pct_rush", rush.optimumSavingPct, "%");
        log.record("optimum_saving_vs_greedy_pct_calm", calm.optimumSavingPct, "%");
        log.record("solve_time_ratio_to_greedy_rush", rush.timeRatioToGreedy, "ratio");
        log.record("solve_time_ratio_to_greedy_calm", calm.timeRatioToGreedy, "ratio");
    }

    record Scenario(
            double solveMs,
            double solveMaxMs,
            double savingVsGreedyPct,
            double gapToOptimumPct,
            double optimumSavingPct,
            double timeRatioToGreedy) {}

    /** The 1-minute load average (Linux), to say how shared the machine was; "?" elsewhere. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    Scenario scenario(String name, int orderCount, int workerCount, long scenarioSeed) {
        Random random = new Random(scenarioSeed);
        List<PoolOrder> orders = orders(random, orderCount);
        List<FreeWorker> workers = workers(random, workerCount);
        BatchSolver solver = new BatchSolver(costs, candidates);

        for (int i = 0; i < warmup; i++) {
            solver.solve(orders, workers, NOW); // warm-up: JIT and the native library
        }
        if (Boolean.getBoolean("bench.profile")) {
            for (int i = 0; i < 200; i++) {
                solver.solve(orders, workers, NOW);
            }
        }
        double[] millis = new double[repeats];
        List<Assignment> ours = List.of();
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            ours = solver.solve(orders, workers, NOW);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        // the baseline's time in the same run, on the same instance: on a loaded machine the ratio means more than
        // either time alone
        double[] greedyMillis = new double[repeats];
        List<Assignment> greedy = List.of();
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            greedy = GreedyAssignment.solve(orders, workers, costs, NOW);
            greedyMillis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(greedyMillis);
        double timeRatio = millis[millis.length / 2] / greedyMillis[greedyMillis.length / 2];
        List<Assignment> optimum = solver.solveUnpruned(orders, workers, NOW);

        long oursMeters = meters(ours);
        long greedyMeters = meters(greedy);
        long optimumMeters = meters(optimum);
        double saving = 100.0 * (greedyMeters - oursMeters) / greedyMeters;
        double gap = 100.0 * (cost(ours) - cost(optimum)) / cost(optimum);
        double optimumSaving = 100.0 * (greedyMeters - optimumMeters) / greedyMeters;
        System.out.printf(
                Locale.ROOT,
                "%s: solve p50 %.1f ms (min %.1f, max %.1f); greedy baseline p50 %.1f ms, ours/greedy time %.3f;"
                        + " load average %s; assigned ours %d, greedy %d, optimum %d;"
                        + " pickup km ours %.1f, greedy %.1f, optimum %.1f; saving vs greedy %.2f %%;"
                        + " cost gap to unpruned optimum %.3f %%%n",
                name,
                millis[millis.length / 2],
                millis[0],
                millis[millis.length - 1],
                greedyMillis[greedyMillis.length / 2],
                timeRatio,
                loadAverage(),
                ours.size(),
                greedy.size(),
                optimum.size(),
                oursMeters / 1000.0,
                greedyMeters / 1000.0,
                optimumMeters / 1000.0,
                saving,
                gap);
        return new Scenario(
                millis[millis.length / 2], millis[millis.length - 1], saving, gap, optimumSaving, timeRatio);
    }

    double smallCases() {
        Random random = new Random(seed + 2);
        BatchSolver solver = new BatchSolver(costs, candidates);
        int optimal = 0;
        for (int i = 0; i < smallCases; i++) {
            List<PoolOrder> orders = orders(random, 1 + random.nextInt(5));
            List<FreeWorker> workers = workers(random, 1 + random.nextInt(6));
            List<Assignment> plan = solver.solve(orders, workers, NOW);
            BruteForce.Optimum best = BruteForce.solve(orders, workers, costs, NOW);
            if (plan.size() == best.assigned() && cost(plan) == best.cost()) {
                optimal++;
            }
        }
        System.out.printf(Locale.ROOT, "small cases: %d of %d optimal%n", optimal, smallCases);
        return 100.0 * optimal / smallCases;
    }

    /** Pickups around the restaurant clusters (σ ≈ 700 m), all waiting now or ready within ten minutes. */
    static List<PoolOrder> orders(Random random, int count) {
        List<PoolOrder> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GeoPoint centre = CLUSTERS[random.nextInt(CLUSTERS.length)];
            GeoPoint pickup = new GeoPoint(
                    centre.latitude() + random.nextGaussian() * 0.0063,
                    centre.longitude() + random.nextGaussian() * 0.0063);
            orders.add(new PoolOrder("o" + i, pickup, NOW.plusSeconds(random.nextInt(600))));
        }
        return orders;
    }

    /** Workers spread over the city, three in ten near a restaurant strip: 85 % on motorcycles, 10 % on bicycles, 5 % in cars. */
    static List<FreeWorker> workers(Random random, int count) {
        List<FreeWorker> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GeoPoint at;
            if (random.nextInt(10) < 3) { // some wait near a restaurant strip (σ ≈ 1.5 km)
                GeoPoint centre = CLUSTERS[random.nextInt(CLUSTERS.length)];
                at = new GeoPoint(
                        centre.latitude() + random.nextGaussian() * 0.0135,
                        centre.longitude() + random.nextGaussian() * 0.0135);
            } else {
                at = new GeoPoint(
                        SOUTH + random.nextDouble() * (NORTH - SOUTH), WEST + random.nextDouble() * (EAST - WEST));
            }
            int kind = random.nextInt(20);
            Vehicle vehicle = kind < 2 ? Vehicle.BICYCLE : kind < 3 ? Vehicle.CAR : Vehicle.MOTORCYCLE;
            workers.add(new FreeWorker("w" + i, at, vehicle));
        }
        return workers;
    }

    static long meters(List<Assignment> plan) {
        return plan.stream().mapToLong(Assignment::distanceMeters).sum();
    }

    static long cost(List<Assignment> plan) {
        return plan.stream().mapToLong(Assignment::cost).sum();
    }
}
