package co.wpfoods.order.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The bounding box used with the (latitude, longitude) index never leaves out a point within the radius. */
class GeoDistanceProperties {

    @Property
    void every_point_within_the_radius_lies_inside_the_bounding_box(
            @ForAll @DoubleRange(min = -60, max = 60) double lat,
            @ForAll @DoubleRange(min = -179, max = 179) double lon,
            @ForAll @DoubleRange(min = -0.2, max = 0.2) double dLat,
            @ForAll @DoubleRange(min = -0.2, max = 0.2) double dLon,
            @ForAll @DoubleRange(min = 100, max = 15_000) double radius) {
        var center = new GeoLocation(lat, lon);
        var point = new GeoLocation(lat + dLat, lon + dLon);
        double[] box = GeoDistance.boundingBox(center, radius);

        if (GeoDistance.meters(center, point) <= radius) {
            assertThat(point.latitude()).isBetween(box[0], box[1]);
            assertThat(point.longitude()).isBetween(box[2], box[3]);
        }
    }
}
