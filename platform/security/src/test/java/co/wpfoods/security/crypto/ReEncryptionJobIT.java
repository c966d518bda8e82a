package co.wpfoods.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.testing.PostgresServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class ReEncryptionJobIT {

    static final String CONTEXT = "test.customers.name";
    static final ReEncryptionJob.EncryptedColumn NAMES =
            new ReEncryptionJob.EncryptedColumn("customers", "id", "name", CONTEXT);

    JdbcClient jdbc;

    @BeforeEach
    void database() {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("reencryption" + System.nanoTime());
        var source = new PGSimpleDataSource();
        source.setUrl(postgres.jdbcUrl(database));
        source.setUser(PostgresServer.USER);
        source.setPassword(PostgresServer.PASSWORD);
        jdbc = JdbcClient.create(source);
        jdbc.sql("CREATE TABLE customers (id bigint PRIMARY KEY, name bytea)").update();
    }

    @Test
    void after_a_rotation_the_job_moves_every_row_to_the_new_key_and_the_values_stay_the_same() {
        // given 25 customers encrypted under the first key, and one without a name
        String firstKeyset = Keysets.newPersonalDataKeyset();
        var first = new PersonalDataCipher(firstKeyset);
        for (int i = 1; i <= 25; i++) {
            jdbc.sql("INSERT INTO customers VALUES (:id, :name)")
                    .param("id", i)
                    .param("name", first.encrypt("Cliente " + i, CONTEXT))
                    .update();
        }
        jdbc.sql("INSERT INTO customers VALUES (26, NULL)").update();

        // when the key is rotated and the job runs in batches of 10
        var rotated = new PersonalDataCipher(Keysets.rotate(firstKeyset));
        var job = new ReEncryptionJob(jdbc, rotated);
        assertThat(job.remaining(NAMES)).isEqualTo(25);
        int moved = job.run(NAMES, 10);

        // then every row is under the new key and reads the same
        assertThat(moved).isEqualTo(25);
        assertThat(job.remaining(NAMES)).isZero();
        List<byte[]> stored = jdbc.sql("SELECT name FROM customers WHERE name IS NOT NULL ORDER BY id")
                .query(byte[].class)
                .list();
        assertThat(stored)
                .allSatisfy(
                        value -> assertThat(rotated.isUnderPrimaryKey(value)).isTrue());
        assertThat(rotated.decrypt(stored.get(6), CONTEXT)).isEqualTo("Cliente 7");
        // and a second run has nothing left to do
        assertThat(job.run(NAMES, 10)).isZero();
    }

    @Test
    void a_column_name_that_is_not_a_plain_identifier_is_refused() {
        assertThatThrownBy(() -> new ReEncryptionJob.EncryptedColumn("customers; DROP TABLE x", "id", "name", CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
