package co.wpfoods.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.security.crypto.PlaintextMigration.Target;
import co.wpfoods.testing.PostgresServer;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class PlaintextMigrationIT {

    static final PersonalDataCipher CIPHER = new PersonalDataCipher(Keysets.newPersonalDataKeyset());
    static final LookupHash HASH = new LookupHash(Keysets.newLookupKeyset());

    PGSimpleDataSource source;
    JdbcClient jdbc;

    @BeforeEach
    void database() {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("plaintext" + System.nanoTime());
        source = new PGSimpleDataSource();
        source.setUrl(postgres.jdbcUrl(database));
        source.setUser(PostgresServer.USER);
        source.setPassword(PostgresServer.PASSWORD);
        jdbc = JdbcClient.create(source);
        jdbc.sql("CREATE TABLE customer (id text PRIMARY KEY, wa_id text, name text, lat double precision,"
                        + " lon double precision)")
                .update();
    }

    @Test
    void every_row_gets_its_hash_and_ciphertexts_in_one_transaction_and_the_clear_columns_can_go() throws Exception {
        // given 1 203 customers in clear (more than two batches), one without name or point
        jdbc.sql("""
                        INSERT INTO customer
                        SELECT 'c-' || i, '5731000' || lpad(i::text, 5, '0'), 'Cliente ' || i, 4.6486, -74.0636
                        FROM generate_series(1, 1203) AS i
                        """).update();
        jdbc.sql("INSERT INTO customer VALUES ('c-0', '573100000000', NULL, NULL, NULL)")
                .update();

        // when a migration moves them in one transaction
        int moved;
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            var migration = new PlaintextMigration(connection, CIPHER, HASH);
            migration.execute("ALTER TABLE customer ADD COLUMN wa_id_hash bytea, ADD COLUMN name_enc bytea,"
                    + " ADD COLUMN point_enc bytea");
            moved = migration.move(
                    "customer",
                    "id",
                    Target.hashed("wa_id", "wa_id_hash"),
                    Target.encrypted("name", "name_enc", "test.customer.name"),
                    Target.encrypted("lat::text || ',' || lon::text", "point_enc", "test.customer.point"));
            migration.execute(
                    "ALTER TABLE customer DROP COLUMN wa_id, DROP COLUMN name, DROP COLUMN lat," + " DROP COLUMN lon");
            connection.commit();
        }

        // then every row is found by the hash of its number and reads the same
        assertThat(moved).isEqualTo(1204);
        record Row(byte[] name, byte[] point) {}
        Row row = jdbc.sql("SELECT name_enc, point_enc FROM customer WHERE wa_id_hash = :hash")
                .param("hash", HASH.hash("573100000077"))
                .query((rs, n) -> new Row(rs.getBytes(1), rs.getBytes(2)))
                .single();
        assertThat(CIPHER.decrypt(row.name(), "test.customer.name")).isEqualTo("Cliente 77");
        assertThat(CIPHER.decrypt(row.point(), "test.customer.point")).isEqualTo("4.6486,-74.0636");
        Row empty = jdbc.sql("SELECT name_enc, point_enc FROM customer WHERE id = 'c-0'")
                .query((rs, n) -> new Row(rs.getBytes(1), rs.getBytes(2)))
                .single();
        assertThat(empty.name()).isNull();
        assertThat(empty.point()).isNull();
        List<String> columns = jdbc.sql(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'customer' ORDER BY 1")
                .query(String.class)
                .list();
        assertThat(columns).containsExactly("id", "name_enc", "point_enc", "wa_id_hash");
    }

    @Test
    void a_target_column_that_is_not_a_plain_identifier_is_refused() {
        assertThatThrownBy(() -> Target.hashed("wa_id", "x; DROP TABLE customer"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlaintextMigration(null, CIPHER, HASH).move("customer;", "id"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
