package co.wpfoods.dispatch.matching;

import co.wpfoods.dispatch.matching.domain.CostModel;
import co.wpfoods.dispatch.matching.domain.FreeWorker;
import co.wpfoods.dispatch.matching.domain.PoolOrder;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** Every way to give each order one worker or none: the most orders assigned, then the least total cost. */
final class BruteForce {

    record Optimum(int assigned, long cost) {
        boolean betterThan(Optimum other) {
            return assigned > other.assigned || (assigned == other.assigned && cost < other.cost);
        }
    }

    private BruteForce() {}

    static Optimum solve(List<PoolOrder> orders, List<FreeWorker> workers, CostModel costs, Instant now) {
        return search(0, new boolean[workers.size()], orders, workers, costs, now);
    }

    private static Optimum search(
            int o, boolean[] taken, List<PoolOrder> orders, List<FreeWorker> workers, CostModel costs, Instant now) {
        if (o == orders.size()) {
            return new Optimum(0, 0);
        }
        Optimum best = search(o + 1, taken, orders, workers, costs, now);
        PoolOrder order = orders.get(o);
        for (int w = 0; w < workers.size(); w++) {
            if (taken[w] || order.excludedWorkers().contains(workers.get(w).workerId())) {
                continue;
            }
            OptionalLong cost = costs.cost(order, workers.get(w), now);
            if (cost.isEmpty()) {
                continue;
            }
            taken[w] = true;
            Optimum rest = search(o + 1, taken, orders, workers, costs, now);
            taken[w] = false;
            Optimum with = new Optimum(rest.assigned() + 1, rest.cost() + cost.getAsLong());
            if (with.betterThan(best)) {
                best = with;
            }
        }
        return best;
    }
}
