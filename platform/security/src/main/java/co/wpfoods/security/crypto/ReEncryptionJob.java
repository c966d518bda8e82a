package co.wpfoods.security.crypto;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves encrypted values to the primary key after a rotation, in batches: selects rows of one column
 * whose ciphertext carries another key id, decrypts and encrypts again, and writes each back only if
 * it still holds the value read (a row changed meanwhile is left for the next pass). Run it from a
 * scheduled job after every rotation (every 90 days); when it reports 0 the old key can be removed.
 *
 * <p>The column is {@code bytea}; the row id column any type PostgreSQL can compare.
 */
public final class ReEncryptionJob {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    public ReEncryptionJob(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** One encrypted column: its table, row id column, value column and the cipher context it was written with. */
    public record EncryptedColumn(String table, String idColumn, String column, String context) {
        public EncryptedColumn {
            for (String name : List.of(table, idColumn, column)) {
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
                }
            }
        }
    }

    /** Re-encrypts every value of the column not under the primary key; returns how many rows moved. */
    public int run(EncryptedColumn target, int batchSize) {
        int moved = 0;
        while (true) {
            int movedInBatch = runBatch(target, batchSize);
            moved += movedInBatch;
            if (movedInBatch == 0) {
                return moved;
            }
        }
    }

    /** How many values of the column are still under an older key. */
    public long remaining(EncryptedColumn target) {
        return jdbc.sql("SELECT count(*) FROM " + target.table() + " WHERE " + target.column()
                        + " IS NOT NULL AND substring(" + target.column() + " from 2 for 4) <> :primary")
                .param("primary", cipher.primaryKeyIdBytes())
                .query(Long.class)
                .single();
    }

    private int runBatch(EncryptedColumn target, int batchSize) {
        record Row(Object id, byte[] value) {}
        List<Row> rows = jdbc.sql("SELECT " + target.idColumn() + " AS id, " + target.column() + " AS value FROM "
                        + target.table() + " WHERE " + target.column() + " IS NOT NULL AND substring("
                        + target.column() + " from 2 for 4) <> :primary LIMIT :limit")
                .param("primary", cipher.primaryKeyIdBytes())
                .param("limit", batchSize)
                .query((rs, n) -> new Row(rs.getObject("id"), rs.getBytes("value")))
                .list();
        int moved = 0;
        for (Row row : rows) {
            byte[] again = cipher.reEncrypt(row.value(), target.context());
            moved += jdbc.sql("UPDATE " + target.table() + " SET " + target.column() + " = :again WHERE "
                            + target.idColumn() + " = :id AND " + target.column() + " = :old")
                    .param("again", again)
                    .param("id", row.id())
                    .param("old", row.value())
                    .update();
        }
        return moved;
    }
}
