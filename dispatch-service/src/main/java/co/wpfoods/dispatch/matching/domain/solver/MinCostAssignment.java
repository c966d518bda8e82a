package co.wpfoods.dispatch.matching.domain.solver;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/**
 * Rectangular minimum-cost assignment on a sparse bipartite graph, solved as a min-cost flow with OR-Tools' cost-scaling
 * {@link MinCostFlow}: source → each order (capacity 1) → its candidate workers (capacity 1, the pair's cost) → sink,
 * solved with {@link MinCostFlow#solveMaxFlowWithMinCost()}: first as many orders as the candidates allow, then at the
 * least total cost.
 */
public final class MinCostAssignment {

    public static final int UNASSIGNED = -1;

    /** No known plan size: the flow first finds how many orders the arcs can serve. */
    public static final int AS_MANY_AS_POSSIBLE = -1;

    private static volatile boolean loaded;

    private MinCostAssignment() {}

    /** OR-Tools' native library, loaded once per JVM. */
    public static void loadNativeLibrary() {
        if (!loaded) {
            synchronized (MinCostAssignment.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    /**
     * @param workers number of workers (indices 0..workers-1)
     * @param candidates per order, the worker indices it may take
     * @param costs per order, the cost of each candidate (same positions), each ≥ 0
     * @return per order, the worker index it gets, or {@link #UNASSIGNED}
     */
    public static int[] solve(int workers, int[][] candidates, long[][] costs) {
        return solve(workers, candidates, costs, AS_MANY_AS_POSSIBLE);
    }

    /**
     * @param assignable how many orders a plan over these arcs assigns at most, when the caller knows it (a maximum
     *     matching found over the same arcs): the flow then solves for that many units directly instead of finding the
     *     maximum flow first; {@link #AS_MANY_AS_POSSIBLE} when unknown
     */
    public static int[] solve(int workers, int[][] candidates, long[][] costs, int assignable) {
        loadNativeLibrary();
        int orders = candidates.length;
        if (orders == 0) {
            return new int[0];
        }
        for (long[] row : costs) {
            for (long cost : row) {
                if (cost < 0) {
                    throw new IllegalArgumentException("a cost must not be negative: " + cost);
                }
            }
        }
        int source = 0;
        int sink = 1;
        int firstOrder = 2;
        int firstWorker = firstOrder + orders;
        MinCostFlow flow = new MinCostFlow();
        boolean[] used = new boolean[workers];
        for (int o = 0; o < orders; o++) {
            flow.addArcWithCapacityAndUnitCost(source, firstOrder + o, 1, 0);
            for (int c = 0; c < candidates[o].length; c++) {
                int w = candidates[o][c];
                flow.addArcWithCapacityAndUnitCost(firstOrder + o, firstWorker + w, 1, costs[o][c]);
                used[w] = true;
            }
        }
        for (int w = 0; w < workers; w++) {
            if (used[w]) {
                flow.addArcWithCapacityAndUnitCost(firstWorker + w, sink, 1, 0);
            }
        }
        MinCostFlowBase.Status status;
        if (assignable == AS_MANY_AS_POSSIBLE) {
            flow.setNodeSupply(source, orders);
            flow.setNodeSupply(sink, -orders);
            // the maximum flow (as many orders as the arcs allow) at the least cost among maximum flows; no large
            // "unassigned" cost in the graph, which would add cost-scaling phases
            status = flow.solveMaxFlowWithMinCost();
        } else {
            // exactly that many units: the least-cost plan among those assigning the maximum
            flow.setNodeSupply(source, assignable);
            flow.setNodeSupply(sink, -assignable);
            status = flow.solve();
        }
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("min-cost flow ended " + status);
        }
        int[] mate = new int[orders];
        java.util.Arrays.fill(mate, UNASSIGNED);
        for (int arc = 0; arc < flow.getNumArcs(); arc++) {
            if (flow.getFlow(arc) > 0) {
                int tail = flow.getTail(arc);
                int head = flow.getHead(arc);
                if (tail >= firstOrder && tail < firstWorker && head >= firstWorker) {
                    mate[tail - firstOrder] = head - firstWorker;
                }
            }
        }
        return mate;
    }
}
