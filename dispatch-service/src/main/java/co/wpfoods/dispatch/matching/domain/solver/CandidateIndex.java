package co.wpfoods.dispatch.matching.domain.solver;

import co.wpfoods.dispatch.matching.domain.FreeWorker;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The free workers in a JTS {@link STRtree} over a local flat projection (metres, equirectangular at the batch's mean
 * latitude — exact enough to rank neighbours inside a city): k-nearest and within-a-radius queries.
 */
final class CandidateIndex {

    private record Item(int index, double x, double y) {}

    private static final double METERS_PER_DEGREE = 111_195.0;
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final long MAX_SQUARED = (1L << (63 - INDEX_BITS)) - 1;

    private final STRtree tree = new STRtree();
    private final double cosLatitude;
    private final int size;
    /** Radius (metres) that holds one item on average: the first guess of a k-nearest query scales it by √k. */
    private final double radiusPerItem;

    CandidateIndex(List<FreeWorker> workers, double referenceLatitude) {
        this.cosLatitude = Math.cos(Math.toRadians(referenceLatitude));
        if (workers.size() > INDEX_MASK) {
            throw new IllegalArgumentException("too many workers for one index: " + workers.size());
        }
        for (int i = 0; i < workers.size(); i++) {
            GeoPoint at = workers.get(i).location();
            Item item = new Item(i, x(at), y(at));
            tree.insert(new Envelope(item.x, item.x, item.y, item.y), item);
        }
        this.size = workers.size();
        tree.build();
        Envelope bounds = size == 0 ? new Envelope() : (Envelope) tree.getRoot().getBounds();
        double area = Math.max(bounds.getArea(), 1.0);
        this.radiusPerItem = Math.sqrt(area / (Math.PI * Math.max(size, 1)));
    }

    /**
     * Indices of the k workers nearest to the point (all when k ≥ size), nearest first not guaranteed. Envelope queries
     * over a growing square (first guess from the workers' density, doubled until the circle inside it holds k): every
     * worker outside the circle is farther than every one inside, so the k nearest of what the square returned are the
     * k nearest of all. Cheaper than the tree's best-first k-nearest search at these sizes.
     */
    int[] nearest(GeoPoint point, int k) {
        int wanted = Math.min(k, size);
        if (wanted == 0) {
            return new int[0];
        }
        double px = x(point);
        double py = y(point);
        double radius = radiusPerItem * Math.sqrt(wanted) * 1.5;
        long[] keys = new long[Math.max(16, wanted * 4)];
        while (true) {
            double r = radius;
            long[][] found = {keys};
            int[] count = {0, 0}; // [0] returned by the square, [1] inside the circle
            tree.query(new Envelope(px - r, px + r, py - r, py + r), hit -> {
                Item item = (Item) hit;
                double dx = item.x - px;
                double dy = item.y - py;
                double d2 = dx * dx + dy * dy;
                if (d2 <= r * r) {
                    count[1]++;
                }
                if (count[0] == found[0].length) {
                    found[0] = Arrays.copyOf(found[0], found[0].length * 2);
                }
                // squared metres in the high bits, the worker's index in the low 24: sorting the keys sorts by distance
                found[0][count[0]++] = (Math.min((long) d2, MAX_SQUARED) << INDEX_BITS) | item.index;
            });
            keys = found[0];
            if (count[1] >= wanted || count[0] == size) {
                Arrays.sort(keys, 0, count[0]);
                int[] indices = new int[wanted];
                for (int i = 0; i < wanted; i++) {
                    indices[i] = (int) (keys[i] & INDEX_MASK);
                }
                return indices;
            }
            radius *= 2;
        }
    }

    /** Indices of the workers within the radius (a little more: the projection's box), in no order. */
    int[] within(GeoPoint point, double radiusMeters) {
        double px = x(point);
        double py = y(point);
        double margin = radiusMeters * 1.01 + 1;
        List<Integer> hits = new ArrayList<>();
        tree.query(new Envelope(px - margin, px + margin, py - margin, py + margin), found -> {
            Item item = (Item) found;
            double dx = item.x - px;
            double dy = item.y - py;
            if (dx * dx + dy * dy <= margin * margin) {
                hits.add(item.index);
            }
        });
        return hits.stream().mapToInt(Integer::intValue).toArray();
    }

    private double x(GeoPoint p) {
        return p.longitude() * METERS_PER_DEGREE * cosLatitude;
    }

    private double y(GeoPoint p) {
        return p.latitude() * METERS_PER_DEGREE;
    }
}
