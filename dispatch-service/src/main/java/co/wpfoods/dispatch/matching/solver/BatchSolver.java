package co.wpfoods.dispatch.matching.solver;

import co.wpfoods.dispatch.matching.domain.Assignment;
import co.wpfoods.dispatch.matching.domain.CostModel;
import co.wpfoods.dispatch.matching.domain.FreeWorker;
import co.wpfoods.dispatch.matching.domain.PoolOrder;
import co.wpfoods.dispatch.matching.domain.Vehicle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Solves one zone's pool jointly: every waiting order against every free worker, at minimum total cost.
 *
 * <p>Pruning: each order keeps only its {@code candidatesPerOrder} cheapest feasible workers, looked up among its
 * nearest workers in a spatial index. Pruning never strands an order: after solving, an order left without a worker
 * while some plan in the unpruned graph could serve it (an augmenting path) gets the path's arcs and twice its
 * candidates, for every order on the path, and the pool is solved again, until no such order remains: the plan assigns
 * as many orders as the unpruned problem would. When workers are scarce (at most {@link #SCARCE_WORKERS_PER_ORDER} per
 * order) each worker also becomes a candidate of its nearest orders, because crowded orders' nearest-worker lists
 * overlap.
 */
public final class BatchSolver {

    /** At most this many free workers per waiting order is a scarce pool (a rush): pruning then looks both ways. */
    static final int SCARCE_WORKERS_PER_ORDER = 2;

    private final CostModel costs;
    private final int candidatesPerOrder;
    private final int nearestLookedAt;

    public BatchSolver(CostModel costs, int candidatesPerOrder) {
        if (candidatesPerOrder < 1) {
            throw new IllegalArgumentException("candidatesPerOrder must be at least 1");
        }
        this.costs = costs;
        this.candidatesPerOrder = candidatesPerOrder;
        this.nearestLookedAt = candidatesPerOrder * 3;
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
        int[] mate = MinCostAssignment.solve(workers.size(), candidates, pairCosts);
        // every order's feasible workers in the unpruned graph: they do not change between rounds
        Arcs[] reachable = new Arcs[n];
        while (prune) {
            boolean widened = false;
            int[] holder = holders(mate, workers.size());
            // orders from which a search found no free worker: with this plan, none is reachable from them either
            boolean[] dead = new boolean[n];
            for (int o = 0; o < n; o++) {
                if (mate[o] != MinCostAssignment.UNASSIGNED) {
                    continue;
                }
                int[] path = augmentingPath(o, mate, holder, dead, reachable, index, orders, workers, now);
                for (int step = 0; step + 1 < path.length; step += 2) {
                    int order = path[step];
                    int worker = path[step + 1];
                    // every order on the path gets twice its candidates (cheap arcs the first cut left out) and the
                    // path's own arc, so the re-solve can assign one more order and choose how at the least cost
                    int wider = candidates[order].length * 2;
                    Arcs more = feasible(
                                    orders.get(order),
                                    index.nearest(orders.get(order).pickup(), wider * 3),
                                    workers,
                                    now)
                            .cheapest(wider);
                    long cost = costs.cost(orders.get(order), workers.get(worker), now)
                            .orElseThrow();
                    Arcs merged = new Arcs(candidates[order], pairCosts[order])
                            .plus(more)
                            .plus(new Arcs(new int[] {worker}, new long[] {cost}))
                            .distinct();
                    if (merged.size() > candidates[order].length) {
                        candidates[order] = merged.workers;
                        pairCosts[order] = merged.costs;
                        widened = true;
                    }
                }
            }
            if (!widened) {
                break;
            }
            mate = MinCostAssignment.solve(workers.size(), candidates, pairCosts);
        }
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
            for (int o : orderIndex.nearest(workers.get(w).location(), candidatesPerOrder)) {
                extra.get(o).add(w);
            }
        }
        for (int o = 0; o < orders.size(); o++) {
            int[] have = candidates[o];
            int[] add = extra.get(o).stream()
                    .mapToInt(Integer::intValue)
                    .filter(w -> Arrays.stream(have).noneMatch(h -> h == w))
                    .toArray();
            if (add.length > 0) {
                Arcs merged = new Arcs(candidates[o], pairCosts[o]).plus(feasible(orders.get(o), add, workers, now));
                candidates[o] = merged.workers;
                pairCosts[o] = merged.costs;
            }
        }
    }

    /**
     * An alternating path in the unpruned graph from an unassigned order to a free worker (order, worker, order,
     * worker, …), or an empty array when none exists: then no plan assigns more orders than this one.
     */
    private int[] augmentingPath(
            int start,
            int[] mate,
            int[] holder,
            boolean[] dead,
            Arcs[] reachable,
            CandidateIndex index,
            List<PoolOrder> orders,
            List<FreeWorker> workers,
            Instant now) {
        if (dead[start]) {
            return new int[0];
        }
        int[] cameFrom = new int[workers.size()];
        Arrays.fill(cameFrom, -1);
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        queue.add(start);
        boolean[] seenOrder = new boolean[mate.length];
        seenOrder[start] = true;
        List<Integer> visited = new ArrayList<>();
        while (!queue.isEmpty()) {
            int o = queue.poll();
            visited.add(o);
            if (reachable[o] == null) {
                reachable[o] =
                        feasible(orders.get(o), index.within(orders.get(o).pickup(), farthestPickup()), workers, now);
            }
            for (int w : reachable[o].workers) {
                if (cameFrom[w] != -1) {
                    continue;
                }
                cameFrom[w] = o;
                if (holder[w] == -1) {
                    java.util.ArrayDeque<Integer> path = new java.util.ArrayDeque<>();
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
        // every order this search reached leads only to held workers whose holders were searched too (or are dead)
        for (int o : visited) {
            dead[o] = true;
        }
        return new int[0];
    }

    private static int[] holders(int[] mate, int workers) {
        int[] holder = new int[workers];
        Arrays.fill(holder, -1);
        for (int o = 0; o < mate.length; o++) {
            if (mate[o] != MinCostAssignment.UNASSIGNED) {
                holder[mate[o]] = o;
            }
        }
        return holder;
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
