package co.wpfoods.dispatch.matching.solver;

import co.wpfoods.dispatch.matching.domain.FreeWorker;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The free workers in a JTS {@link STRtree} over a local flat projection (metres, equirectangular at the batch's mean
 * latitude — exact enough to rank neighbours inside a city): k-nearest and within-a-radius queries.
 */
final class CandidateIndex {

    private record Item(int index, double x, double y) {}

    private static final ItemDistance EUCLIDEAN = (ItemBoundable a, ItemBoundable b) -> {
        Item p = (Item) a.getItem();
        Item q = (Item) b.getItem();
        double dx = p.x - q.x;
        double dy = p.y - q.y;
        return Math.sqrt(dx * dx + dy * dy); // not Math.hypot: it is exact at extremes and several times slower
    };

    private static final double METERS_PER_DEGREE = 111_195.0;

    private final STRtree tree = new STRtree();
    private final double cosLatitude;
    private final int size;

    CandidateIndex(List<FreeWorker> workers, double referenceLatitude) {
        this.cosLatitude = Math.cos(Math.toRadians(referenceLatitude));
        for (int i = 0; i < workers.size(); i++) {
            GeoPoint at = workers.get(i).location();
            Item item = new Item(i, x(at), y(at));
            tree.insert(new Envelope(item.x, item.x, item.y, item.y), item);
        }
        this.size = workers.size();
        tree.build();
    }

    /** Indices of the k workers nearest to the point (all when k ≥ size), nearest first not guaranteed. */
    int[] nearest(GeoPoint point, int k) {
        if (size == 0) {
            return new int[0];
        }
        Item probe = new Item(-1, x(point), y(point));
        Object[] found = tree.nearestNeighbour(
                new Envelope(probe.x, probe.x, probe.y, probe.y), probe, EUCLIDEAN, Math.min(k, size));
        int[] indices = new int[found.length];
        for (int i = 0; i < found.length; i++) {
            indices[i] = ((Item) found[i]).index;
        }
        return indices;
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
