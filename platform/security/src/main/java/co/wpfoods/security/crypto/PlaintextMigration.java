package co.wpfoods.security.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Moves personal data stored in clear into encrypted ({@link PersonalDataCipher}) and keyed-hash ({@link LookupHash})
 * columns, inside a service's Flyway Java migration (on the migration's own connection, so in its transaction): the
 * migration adds the new columns, calls {@link #move} for each table, then drops the clear columns.
 *
 * <pre>{@code
 * var move = new PlaintextMigration(context.getConnection(), cipher, lookupHash);
 * move.execute("ALTER TABLE customer ADD COLUMN wa_id_hash bytea, ADD COLUMN name_enc bytea");
 * move.move("customer", "id",
 *         Target.hashed("wa_id", "wa_id_hash"),
 *         Target.encrypted("name", "name_enc", "order_service.customer.name"));
 * move.execute("ALTER TABLE customer DROP COLUMN wa_id, DROP COLUMN name");
 * }</pre>
 */
public final class PlaintextMigration {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final int BATCH = 500;

    private final Connection connection;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    public PlaintextMigration(Connection connection, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.connection = connection;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    /**
     * One new column filled from a clear value: {@code source} is an SQL expression over the row (a column, or
     * {@code lat::text || ',' || lon}); a NULL source leaves the new column NULL.
     */
    public record Target(String source, String column, String context) {
        public Target {
            if (!IDENTIFIER.matcher(column).matches()) {
                throw new IllegalArgumentException("Not a plain SQL identifier: " + column);
            }
        }

        /** Encrypted with the primary key; {@code context} is the cipher context the service reads it with. */
        public static Target encrypted(String source, String column, String context) {
            return new Target(source, column, context);
        }

        /** The keyed hash under the primary lookup key (the value as stored: normalise it before, in SQL if needed). */
        public static Target hashed(String source, String column) {
            return new Target(source, column, null);
        }

        boolean isHash() {
            return context == null;
        }
    }

    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Fills the targets of every row of {@code table} (found again by {@code idColumn}); returns the rows written. */
    public int move(String table, String idColumn, Target... targets) throws SQLException {
        for (String name : List.of(table, idColumn)) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
            }
        }
        StringBuilder select = new StringBuilder("SELECT " + idColumn);
        StringBuilder update = new StringBuilder("UPDATE " + table + " SET ");
        for (int i = 0; i < targets.length; i++) {
            select.append(", (").append(targets[i].source()).append(")::text");
            update.append(i == 0 ? "" : ", ").append(targets[i].column()).append(" = ?");
        }
        select.append(" FROM ").append(table);
        update.append(" WHERE ").append(idColumn).append(" = ?");
        int written = 0;
        // the migration's connection is in a transaction: the driver streams the rows with a cursor
        try (Statement query = connection.createStatement();
                PreparedStatement write = connection.prepareStatement(update.toString())) {
            query.setFetchSize(BATCH);
            try (ResultSet rs = query.executeQuery(select.toString())) {
                while (rs.next()) {
                    for (int i = 0; i < targets.length; i++) {
                        String clear = rs.getString(i + 2);
                        Target target = targets[i];
                        write.setBytes(
                                i + 1,
                                clear == null
                                        ? null
                                        : target.isHash()
                                                ? lookupHash.hash(clear)
                                                : cipher.encrypt(clear, target.context()));
                    }
                    write.setObject(targets.length + 1, rs.getObject(1));
                    write.addBatch();
                    if (++written % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return written;
    }

    /**
     * Fills {@code hashColumn} with the keyed hash of {@code sourceColumn} for every distinct value (for tables keyed by
     * the value with other columns, such as {@code (sender, period, window_start)}); returns the distinct values.
     */
    public int hashDistinct(String table, String sourceColumn, String hashColumn) throws SQLException {
        for (String name : List.of(table, sourceColumn, hashColumn)) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
            }
        }
        int written = 0;
        try (Statement query = connection.createStatement();
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE " + table + " SET " + hashColumn + " = ? WHERE " + sourceColumn + " = ?")) {
            query.setFetchSize(BATCH);
            try (ResultSet rs = query.executeQuery(
                    "SELECT DISTINCT " + sourceColumn + " FROM " + table + " WHERE " + sourceColumn + " IS NOT NULL")) {
                while (rs.next()) {
                    String clear = rs.getString(1);
                    write.setBytes(1, lookupHash.hash(clear));
                    write.setString(2, clear);
                    write.addBatch();
                    if (++written % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return written;
    }
}
