package co.wpfoods.testing.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Looks for values (a phone number, a name, an address) in every table of a service's database, the way an auditor
 * would after an erasure: each row is read as text (every column: text, jsonb, arrays) and also matched against the
 * value's UTF-8 bytes in hex (how a {@code bytea} column — an archived webhook, an Avro command — reads as text).
 * Returns, per value, the tables still holding it and how many rows.
 */
public final class PersonalDataScan {

    private final DataSource dataSource;

    public PersonalDataScan(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** value → (table → rows that contain it); a value found nowhere maps to an empty map. */
    public Map<String, Map<String, Integer>> find(String... values) {
        Map<String, Map<String, Integer>> found = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = tables(connection);
            for (String value : values) {
                Map<String, Integer> hits = new LinkedHashMap<>();
                String hex = HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
                for (String table : tables) {
                    try (var statement = connection.prepareStatement("SELECT count(*) FROM \"" + table
                            + "\" t WHERE position(lower(?) in lower(t::text)) > 0 OR position(? in t::text) > 0")) {
                        statement.setString(1, value);
                        statement.setString(2, hex);
                        try (var rs = statement.executeQuery()) {
                            rs.next();
                            int n = rs.getInt(1);
                            if (n > 0) {
                                hits.put(table, n);
                            }
                        }
                    }
                }
                found.put(value, hits);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("scan failed: " + e.getMessage(), e);
        }
        return found;
    }

    /** Tables holding any of the values, as "value in table (n rows)" lines; empty when none does. */
    public List<String> holding(String... values) {
        List<String> lines = new ArrayList<>();
        find(values)
                .forEach((value, hits) ->
                        hits.forEach((table, n) -> lines.add("'" + value + "' in " + table + " (" + n + " rows)")));
        return lines;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var rs = connection
                .createStatement()
                .executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
