package co.wpfoods.dispatch.matching.domain.solver;

import co.wpfoods.dispatch.matching.domain.Assignment;
import co.wpfoods.dispatch.matching.domain.CostModel;
import co.wpfoods.dispatch.matching.domain.FreeWorker;
import co.wpfoods.dispatch.matching.domain.PoolOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The baseline: orders in arrival order, each takes the nearest free worker whose vehicle can take it. */
public final class GreedyAssignment {

    private GreedyAssignment() {}

    public static List<Assignment> solve(
            List<PoolOrder> orders, List<FreeWorker> workers, CostModel costs, Instant now) {
        boolean[] taken = new boolean[workers.size()];
        List<Assignment> plan = new ArrayList<>();
        for (PoolOrder order : orders) {
            int best = -1;
            double bestMeters = Double.MAX_VALUE;
            for (int w = 0; w < workers.size(); w++) {
                FreeWorker worker = workers.get(w);
                if (taken[w] || order.excludedWorkers().contains(worker.workerId())) {
                    continue;
                }
                double meters = worker.location().metersTo(order.pickup());
                if (meters < bestMeters
                        && costs.cost(meters, order, worker, now).isPresent()) {
                    best = w;
                    bestMeters = meters;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                FreeWorker worker = workers.get(best);
                OptionalLong cost = costs.cost(order, worker, now);
                plan.add(new Assignment(
                        order.orderId(), worker.workerId(), cost.orElseThrow(), (int) Math.round(bestMeters)));
            }
        }
        return plan;
    }
}
