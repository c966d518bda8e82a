package co.wpfoods.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresCoordinatesTest {

    @Test
    void reads_host_port_database_and_keeps_the_parameters_and_the_url() {
        var url = "jdbc:postgresql://db.internal:6432/orders?sslmode=require&ApplicationName=order-service";

        var coordinates = PostgresCoordinates.fromJdbcUrl(url, "orders", "secret");

        assertThat(coordinates.host()).isEqualTo("db.internal");
        assertThat(coordinates.port()).isEqualTo(6432);
        assertThat(coordinates.database()).isEqualTo("orders");
        assertThat(coordinates.parameters()).containsEntry("sslmode", "require");
        assertThat(coordinates.jdbcUrl()).isEqualTo(url);
    }

    @Test
    void defaults_to_port_5432() {
        assertThat(PostgresCoordinates.fromJdbcUrl("jdbc:postgresql://localhost/orders", "u", "p")
                        .port())
                .isEqualTo(5432);
    }

    @Test
    void refuses_what_it_cannot_stream_from() {
        assertThatThrownBy(() -> PostgresCoordinates.fromJdbcUrl("jdbc:h2:mem:x", "u", "p"))
                .hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> PostgresCoordinates.fromJdbcUrl("jdbc:postgresql://localhost:5432/", "u", "p"))
                .hasMessageContaining("No database name");
        assertThatThrownBy(() -> PostgresCoordinates.fromJdbcUrl("jdbc:postgresql://a:1,b:2/orders", "u", "p"))
                .hasMessageContaining("single-host");
    }
}
