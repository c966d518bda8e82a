package co.wpfoods.dispatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.dispatch.matching.domain.Assignment;
import co.wpfoods.dispatch.matching.domain.CostModel;
import co.wpfoods.dispatch.matching.domain.FreeWorker;
import co.wpfoods.dispatch.matching.domain.PoolOrder;
import co.wpfoods.dispatch.matching.domain.solver.BatchSolver;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BatchSolverProperties {

    static final CostModel COSTS = CostModel.STANDARD;

    @Property(tries = 300)
    void on_small_pools_the_plan_equals_the_brute_force_optimum(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 5) int orderCount,
            @ForAll @IntRange(min = 0, max = 6) int workerCount) {
        // given a small pool with mixed vehicles, exclusions and pickups some vehicles cannot reach
        Random random = new Random(seed);
        List<FreeWorker> workers = PoolMother.workers(random, workerCount, 0.08, true);
        List<PoolOrder> orders = PoolMother.orders(random, orderCount, 0.08, 2, workerCount);

        // when the pool is solved as production does (pruning keeps 8 candidates per order)
        List<Assignment> plan = new BatchSolver(COSTS, 8).solve(orders, workers, PoolMother.NOW);

        // then it assigns as many orders as possible at the least total cost
        BruteForce.Optimum optimum = BruteForce.solve(orders, workers, COSTS, PoolMother.NOW);
        assertThat(plan).hasSize(optimum.assigned());
        assertThat(total(plan)).isEqualTo(optimum.cost());
        assertValid(plan, orders, workers);
    }

    @Property(tries = 40)
    void on_medium_pools_pruning_that_keeps_as_many_candidates_as_orders_loses_nothing(
            @ForAll long seed,
            @ForAll @IntRange(min = 5, max = 30) int orderCount,
            @ForAll @IntRange(min = 30, max = 120) int workerCount) {
        // given one vehicle type, so an order's cheapest workers are its nearest ones, and as many candidates per order
        // as there are orders: an optimum can always be moved onto each order's kept candidates (exchange argument)
        Random random = new Random(seed);
        List<FreeWorker> workers = PoolMother.workers(random, workerCount, 0.1, false);
        List<PoolOrder> orders = PoolMother.orders(random, orderCount, 0.1, 0, workerCount);

        // when solved pruned and unpruned
        List<Assignment> pruned = new BatchSolver(COSTS, orderCount).solve(orders, workers, PoolMother.NOW);
        List<Assignment> unpruned = new BatchSolver(COSTS, orderCount).solveUnpruned(orders, workers, PoolMother.NOW);

        // then both reach the same optimum
        assertThat(pruned).hasSize(unpruned.size());
        assertThat(total(pruned)).isEqualTo(total(unpruned));
        assertValid(pruned, orders, workers);
    }

    @Property(tries = 60)
    void pruning_never_leaves_an_order_without_a_worker_while_a_free_one_can_take_it(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int orderCount,
            @ForAll @IntRange(min = 1, max = 80) int workerCount) {
        // given crowded pools where many orders share the same nearest workers
        Random random = new Random(seed);
        List<FreeWorker> workers = PoolMother.workers(random, workerCount, 0.12, true);
        List<PoolOrder> orders = PoolMother.orders(random, orderCount, 0.03, 3, workerCount);

        // when solved with a single candidate per order
        List<Assignment> plan = new BatchSolver(COSTS, 1).solve(orders, workers, PoolMother.NOW);

        // then no unassigned order has a free worker that could take it, and the count matches the unpruned optimum
        Set<String> assignedOrders = plan.stream().map(Assignment::orderId).collect(Collectors.toSet());
        Set<String> busy = plan.stream().map(Assignment::workerId).collect(Collectors.toSet());
        for (PoolOrder order : orders) {
            if (!assignedOrders.contains(order.orderId())) {
                assertThat(workers.stream()
                                .filter(w -> !busy.contains(w.workerId()))
                                .filter(w -> !order.excludedWorkers().contains(w.workerId()))
                                .filter(w ->
                                        COSTS.cost(order, w, PoolMother.NOW).isPresent()))
                        .as("free workers that could take %s", order.orderId())
                        .isEmpty();
            }
        }
        assertThat(plan)
                .hasSize(new BatchSolver(COSTS, 1)
                        .solveUnpruned(orders, workers, PoolMother.NOW)
                        .size());
        assertValid(plan, orders, workers);
    }

    static long total(List<Assignment> plan) {
        return plan.stream().mapToLong(Assignment::cost).sum();
    }

    /** Each order and each worker at most once; never an excluded or unreachable pair. */
    static void assertValid(List<Assignment> plan, List<PoolOrder> orders, List<FreeWorker> workers) {
        Set<String> seenOrders = new HashSet<>();
        Set<String> seenWorkers = new HashSet<>();
        for (Assignment a : plan) {
            assertThat(seenOrders.add(a.orderId()))
                    .as("order %s once", a.orderId())
                    .isTrue();
            assertThat(seenWorkers.add(a.workerId()))
                    .as("worker %s once", a.workerId())
                    .isTrue();
            PoolOrder order = orders.stream()
                    .filter(o -> o.orderId().equals(a.orderId()))
                    .findFirst()
                    .orElseThrow();
            FreeWorker worker = workers.stream()
                    .filter(w -> w.workerId().equals(a.workerId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(order.excludedWorkers()).doesNotContain(a.workerId());
            assertThat(COSTS.cost(order, worker, PoolMother.NOW)).hasValue(a.cost());
        }
    }
}
