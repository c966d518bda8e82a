package co.wpfoods.ai.recommendation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeohashTest {

    @Test
    void encodes_the_reference_point_of_the_geohash_definition() {
        assertThat(Geohash.encode(57.64911, 10.40744, 11)).isEqualTo("u4pruydqqvj");
    }

    @Test
    void two_addresses_in_chapinero_share_a_zone_and_one_in_suba_does_not() {
        String chapinero1 = Geohash.encode(4.6486, -74.0628, 5);
        String chapinero2 = Geohash.encode(4.6512, -74.0601, 5);
        String suba = Geohash.encode(4.7409, -74.0838, 5);
        assertThat(chapinero1).isEqualTo(chapinero2);
        assertThat(suba).isNotEqualTo(chapinero1);
    }
}
