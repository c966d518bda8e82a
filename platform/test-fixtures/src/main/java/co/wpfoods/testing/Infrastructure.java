package co.wpfoods.testing;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The one place that decides what the integration tests run against. By default: embedded PostgreSQL and an
 * in-process KRaft broker (this machine and CI have no Docker). With {@code -Dwpfoods.test.infra=containers} (the
 * {@code docker} Maven profile): a PostgreSQL container with logical replication and a Kafka container in KRaft mode,
 * for the same tests unchanged — and when no Docker environment answers, those tests are skipped with the reason
 * instead of quietly running embedded.
 */
public final class Infrastructure {

    /** The system property naming the choice: {@code embedded} (default) or {@code containers}. */
    public static final String PROPERTY = "wpfoods.test.infra";

    public enum Kind {
        EMBEDDED,
        CONTAINERS
    }

    /**
     * What the tests of this run use.
     *
     * @param kind embedded servers or containers
     * @param skip true when containers were asked for and cannot be had: the integration tests are skipped
     * @param reason why, in a sentence (shown as the skip reason)
     */
    public record Choice(Kind kind, boolean skip, String reason) {}

    private static Choice current;

    private Infrastructure() {}

    /** The choice for {@code requested} (the property's value); Docker is asked about only when containers are. */
    public static Choice choose(String requested, BooleanSupplier dockerAvailable) {
        String value = requested == null || requested.isBlank()
                ? "embedded"
                : requested.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" ->
                new Choice(Kind.EMBEDDED, false, "embedded PostgreSQL and in-process KRaft Kafka (the default)");
            case "containers" ->
                dockerAvailable.getAsBoolean()
                        ? new Choice(Kind.CONTAINERS, false, "PostgreSQL and Kafka (KRaft) containers on Docker")
                        : new Choice(
                                Kind.CONTAINERS,
                                true,
                                "the docker profile runs the integration tests against containers, and no Docker"
                                        + " environment is available here (none found by Testcontainers)");
            default ->
                throw new IllegalArgumentException(
                        PROPERTY + " must be 'embedded' or 'containers', not '" + requested + "'");
        };
    }

    /** This run's choice, from {@link #PROPERTY} (decided once per JVM). */
    public static synchronized Choice current() {
        if (current == null) {
            current = choose(System.getProperty(PROPERTY), Infrastructure::dockerAvailable);
        }
        return current;
    }

    private static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
