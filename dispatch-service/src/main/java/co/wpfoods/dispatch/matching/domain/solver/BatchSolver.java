package co.wpfoods.dispatch.matching.domain.solver;

import co.wpfoods.dispatch.matching.domain.Assignment;
import co.wpfoods.dispatch.matching.domain.CostModel;
import co.wpfoods.dispatch.matching.domain.FreeWorker;
import co.wpfoods.dispatch.matching.domain.PoolOrder;
import co.wpfoods.dispatch.matching.domain.Vehicle;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * Solves one zone's pool jointly: every waiting order against every free worker, at minimum total cost.
 *
 * <p>Pruning: each order keeps only its {@code candidatesPerOrder} cheapest feasible workers, looked up among its
 * nearest workers in a spatial index. Pruning never strands an order: before the flow runs, a cardinality matching
 * over the pruned arcs (augmenting paths, in Java) finds the orders the pruned arcs cannot serve; each one with an
 * augmenting path in the unpruned graph gives every order on the path the path's arc and twice its candidates, so the
 * pruned arcs hold a plan assigning as many orders as the unpruned problem, and the min-cost flow is solved once. When
 * workers are scarce (at most {@link #SCARCE_WORKERS_PER_ORDER} per order) each worker also becomes a candidate of its
 * ⌈4k/3⌉ nearest orders, because crowded orders' nearest-worker lists overlap: with those arcs the first cut already
 * holds a maximum plan in the benchmark's rush, and the widening is not needed.
 */
public final class BatchSolver {

    /** At most this many free workers per waiting order is a scarce pool (a rush): pruning then looks both ways. */
    static final int SCARCE_WORKERS_PER_ORDER = 2;

    private final CostModel costs;
    private final int candidatesPerOrder;
    private final int nearestLookedAt;
    /** In a scarce pool each worker is also a candidate of this many nearest orders (⌈4k/3⌉: 16 for k = 12). */
    private final int nearestOrdersPerWorker;

    public BatchSolver(CostModel costs, int candidatesPerOrder) {
        if (candidatesPerOrder < 1) {
            throw new IllegalArgumentException("candidatesPerOrder must be at least 1");
        }
        this.costs = costs;
        this.candidatesPerOrder = candidatesPerOrder;
        this.nearestLookedAt = candidatesPerOrder * 3;
        this.nearestOrdersPerWorker = candidatesPerOrder + (candidatesPerOrder + 2) / 3;
    }

    /** The pool's plan with pruning (what production runs). */
    public List<Assignment> solve(List<PoolOrder> orders, List<FreeWorker> workers, Instant now) {
        return plan(orders, workers, now, true);
    }

    /** The same problem without pruning: every feasible pair is an arc (the reference for tests and the benchmark). */
    public List<Assignment> solveUnpruned(List<PoolOrder> orders, List<FreeWorker> workers, Instant now) {
        return plan(orders, workers, now, false);
    }

    private List<Assignment> plan(List<PoolOrder> orders, List<FreeWorker> workers, Instant now, boolean prune) {
        if (orders.isEmpty() || workers.isEmpty()) {
            return List.of();
        }
        int n = orders.size();
        int[][] candidates = new int[n][];
        long[][] pairCosts = new long[n][];
        CandidateIndex index = prune ? new CandidateIndex(workers, meanLatitude(orders)) : null;
        for (int o = 0; o < n; o++) {
            int[] pool = prune
                    ? index.nearest(orders.get(o).pickup(), nearestLookedAt + excluded(orders.get(o)))
                    : all(workers.size());
            Arcs arcs = feasible(orders.get(o), pool, workers, now);
            if (prune && arcs.size() == 0) {
                arcs = feasible(orders.get(o), index.within(orders.get(o).pickup(), farthestPickup()), workers, now);
            }
            arcs = prune ? arcs.cheapest(candidatesPerOrder) : arcs;
            candidates[o] = arcs.workers;
            pairCosts[o] = arcs.costs;
        }
        if (prune && workers.size() <= SCARCE_WORKERS_PER_ORDER * n) {
            addWorkersNearestOrders(orders, workers, now, candidates, pairCosts);
        }
        // with pruning the widening knows how many orders the plan assigns; without, the flow finds it
        int assignable = prune
                ? widenUntilMaximum(orders, workers, now, index, candidates, pairCosts)
                : MinCostAssignment.AS_MANY_AS_POSSIBLE;
        int[] mate = MinCostAssignment.solve(workers.size(), candidates, pairCosts, assignable);
        List<Assignment> plan = new ArrayList<>();
        for (int o = 0; o < n; o++) {
            int w = mate[o];
            if (w == MinCostAssignment.UNASSIGNED) {
                continue;
            }
            PoolOrder order = orders.get(o);
            FreeWorker worker = workers.get(w);
            long cost = costs.cost(order, worker, now).orElseThrow();
            plan.add(new Assignment(order.orderId(), worker.workerId(), cost, (int)
                    Math.round(worker.location().metersTo(order.pickup()))));
        }
        return plan;
    }

    /**
     * Symmetric pruning: each worker also becomes a candidate of its nearest orders. Where orders crowd around a
     * restaurant cluster their nearest-worker lists overlap; this brings in the workers just beyond them, so the joint
     * solve has room to send each worker where it costs least.
     */
    private void addWorkersNearestOrders(
            List<PoolOrder> orders, List<FreeWorker> workers, Instant now, int[][] candidates, long[][] pairCosts) {
        List<FreeWorker> orderPoints = new ArrayList<>(orders.size());
        for (PoolOrder order : orders) {
            orderPoints.add(new FreeWorker(order.orderId(), order.pickup(), Vehicle.MOTORCYCLE));
        }
        CandidateIndex orderIndex = new CandidateIndex(orderPoints, meanLatitude(orders));
        List<List<Integer>> extra = new ArrayList<>(orders.size());
        for (int o = 0; o < orders.size(); o++) {
            extra.add(new ArrayList<>());
        }
        for (int w = 0; w < workers.size(); w++) {
            for (int o : orderIndex.nearest(workers.get(w).location(), nearestOrdersPerWorker)) {
                extra.get(o).add(w);
            }
        }
        int[] stamp = new int[workers.size()]; // stamp[w] == o + 1: worker w is already a candidate of order o
        for (int o = 0; o < orders.size(); o++) {
            for (int w : candidates[o]) {
                stamp[w] = o + 1;
            }
            List<Integer> more = extra.get(o);
            int[] add = new int[more.size()];
            int size = 0;
            for (int w : more) {
                if (stamp[w] != o + 1) {
                    stamp[w] = o + 1;
                    add[size++] = w;
                }
            }
            if (size > 0) {
                Arcs merged = new Arcs(candidates[o], pairCosts[o])
                        .plus(feasible(orders.get(o), Arrays.copyOf(add, size), workers, now));
                candidates[o] = merged.workers;
                pairCosts[o] = merged.costs;
            }
        }
    }

    /**
     * Makes the pruned arcs hold a plan that assigns as many orders as the unpruned graph allows, before the min-cost
     * flow runs (so it runs once). A cardinality matching is grown in Java: a greedy start, then augmenting paths over
     * the pruned arcs; an order still unassigned then looks for an augmenting path in the unpruned graph (every
     * feasible worker in range), and every order on such a path gets the path's arc and twice its candidates (cheap
     * arcs the first cut left out, so the flow can choose how at the least cost). When no unassigned order has an
     * augmenting path the matching is maximum (Berge), so the flow over the widened arcs assigns as many orders as the
     * unpruned problem.
     *
     * @return how many orders that plan assigns
     */
    private int widenUntilMaximum(
            List<PoolOrder> orders,
            List<FreeWorker> workers,
            Instant now,
            CandidateIndex index,
            int[][] candidates,
            long[][] pairCosts) {
        int n = orders.size();
        int[] mate = new int[n];
        Arrays.fill(mate, MinCostAssignment.UNASSIGNED);
        int[] holder = new int[workers.size()];
        Arrays.fill(holder, -1);
        for (int o = 0; o < n; o++) { // greedy start: each order its cheapest free candidate
            int best = -1;
            for (int c = 0; c < candidates[o].length; c++) {
                int w = candidates[o][c];
                if (holder[w] == -1 && (best == -1 || pairCosts[o][c] < pairCosts[o][best])) {
                    best = c;
                }
            }
            if (best != -1) {
                mate[o] = candidates[o][best];
                holder[mate[o]] = o;
            }
        }
        boolean[] dead = new boolean[n];
        for (int o = 0; o < n; o++) {
            if (mate[o] == MinCostAssignment.UNASSIGNED) {
                augment(augmentingPath(o, mate, holder, dead, order -> candidates[order]), mate, holder);
            }
        }
        // every order's feasible workers in the unpruned graph, computed when a search first reaches the order
        Arcs[] reachable = new Arcs[n];
        IntFunction<int[]> unpruned = order -> {
            if (reachable[order] == null) {
                reachable[order] = feasible(
                        orders.get(order), index.within(orders.get(order).pickup(), farthestPickup()), workers, now);
            }
            return reachable[order].workers;
        };
        Arrays.fill(dead, false);
        for (int o = 0; o < n; o++) {
            if (mate[o] != MinCostAssignment.UNASSIGNED) {
                continue;
            }
            int[] path = augmentingPath(o, mate, holder, dead, unpruned);
            for (int step = 0; step + 1 < path.length; step += 2) {
                int order = path[step];
                int worker = path[step + 1];
                int wider = candidates[order].length * 2;
                Arcs more = feasible(
                                orders.get(order),
                                index.nearest(orders.get(order).pickup(), wider * 3),
                                workers,
                                now)
                        .cheapest(wider);
                long cost =
                        costs.cost(orders.get(order), workers.get(worker), now).orElseThrow();
                Arcs merged = new Arcs(candidates[order], pairCosts[order])
                        .plus(more)
                        .plus(new Arcs(new int[] {worker}, new long[] {cost}))
                        .distinct();
                candidates[order] = merged.workers;
                pairCosts[order] = merged.costs;
            }
            augment(path, mate, holder);
        }
        return (int) Arrays.stream(mate)
                .filter(w -> w != MinCostAssignment.UNASSIGNED)
                .count();
    }

    private static void augment(int[] path, int[] mate, int[] holder) {
        for (int step = 0; step + 1 < path.length; step += 2) {
            mate[path[step]] = path[step + 1];
            holder[path[step + 1]] = path[step];
        }
    }

    /**
     * An alternating path from an unassigned order to a free worker (order, worker, order, worker, …) over the given
     * arcs, or an empty array when none exists. Orders a failed search reached are marked dead: no free worker is
     * reachable from them, and augmenting elsewhere cannot change that (an augmenting path never enters a set whose
     * workers are all held inside it), so later searches stop there.
     */
    private static int[] augmentingPath(int start, int[] mate, int[] holder, boolean[] dead, IntFunction<int[]> arcs) {
        if (dead[start]) {
            return new int[0];
        }
        int[] cameFrom = new int[holder.length];
        Arrays.fill(cameFrom, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        boolean[] seenOrder = new boolean[mate.length];
        seenOrder[start] = true;
        List<Integer> visited = new ArrayList<>();
        while (!queue.isEmpty()) {
            int o = queue.poll();
            visited.add(o);
            for (int w : arcs.apply(o)) {
                if (cameFrom[w] != -1) {
                    continue;
                }
                cameFrom[w] = o;
                if (holder[w] == -1) {
                    ArrayDeque<Integer> path = new ArrayDeque<>();
                    int worker = w;
                    while (true) {
                        int order = cameFrom[worker];
                        path.addFirst(worker);
                        path.addFirst(order);
                        if (order == start) {
                            return path.stream().mapToInt(Integer::intValue).toArray();
                        }
                        worker = mate[order];
                    }
                }
                int next = holder[w];
                if (!seenOrder[next] && !dead[next]) {
                    seenOrder[next] = true;
                    queue.add(next);
                }
            }
        }
        for (int o : visited) {
            dead[o] = true;
        }
        return new int[0];
    }

    private Arcs feasible(PoolOrder order, int[] pool, List<FreeWorker> workers, Instant now) {
        int[] ws = new int[pool.length];
        long[] cs = new long[pool.length];
        int size = 0;
        boolean excludes = !order.excludedWorkers().isEmpty();
        for (int w : pool) {
            FreeWorker worker = workers.get(w);
            if (excludes && order.excludedWorkers().contains(worker.workerId())) {
                continue;
            }
            OptionalLong cost = costs.cost(order, worker, now);
            if (cost.isPresent()) {
                ws[size] = w;
                cs[size] = cost.getAsLong();
                size++;
            }
        }
        return new Arcs(Arrays.copyOf(ws, size), Arrays.copyOf(cs, size));
    }

    private static int excluded(PoolOrder order) {
        return order.excludedWorkers().size();
    }

    private static int[] all(int size) {
        int[] all = new int[size];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private static double farthestPickup() {
        return Arrays.stream(Vehicle.values())
                .mapToInt(Vehicle::maxPickupMeters)
                .max()
                .orElseThrow();
    }

    private static double meanLatitude(List<PoolOrder> orders) {
        return orders.stream().mapToDouble(o -> o.pickup().latitude()).average().orElse(0);
    }

    /** One order's arcs: worker indices and their costs at the same positions. */
    private record Arcs(int[] workers, long[] costs) {

        int size() {
            return workers.length;
        }

        Arcs cheapest(int k) {
            if (workers.length <= k) {
                return this;
            }
            Integer[] order = new Integer[workers.length];
            Arrays.setAll(order, i -> i);
            // ties broken by worker index, so the kept set does not depend on the index's return order
            Arrays.sort(
                    order,
                    (a, b) -> costs[a] != costs[b]
                            ? Long.compare(costs[a], costs[b])
                            : Integer.compare(workers[a], workers[b]));
            int[] ws = new int[k];
            long[] cs = new long[k];
            for (int i = 0; i < k; i++) {
                ws[i] = workers[order[i]];
                cs[i] = costs[order[i]];
            }
            return new Arcs(ws, cs);
        }

        Arcs distinct() {
            java.util.LinkedHashMap<Integer, Long> unique = new java.util.LinkedHashMap<>();
            for (int i = 0; i < workers.length; i++) {
                unique.putIfAbsent(workers[i], costs[i]);
            }
            return new Arcs(
                    unique.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    unique.values().stream().mapToLong(Long::longValue).toArray());
        }

        Arcs plus(Arcs more) {
            int[] ws = Arrays.copyOf(workers, workers.length + more.workers.length);
            long[] cs = Arrays.copyOf(costs, costs.length + more.costs.length);
            System.arraycopy(more.workers, 0, ws, workers.length, more.workers.length);
            System.arraycopy(more.costs, 0, cs, costs.length, more.costs.length);
            return new Arcs(ws, cs);
        }
    }
}
