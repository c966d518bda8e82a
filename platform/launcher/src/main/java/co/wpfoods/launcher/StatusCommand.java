package co.wpfoods.launcher;

import java.io.PrintStream;

/** {@code ./wpfoods status}: what the running launcher started, and each service's health right now. */
final class StatusCommand {

    private StatusCommand() {}

    static int run(LauncherOptions options, PrintStream out) {
        var state = PlatformState.read(options.stateFile());
        if (state.isEmpty() || !state.get().launcherAlive()) {
            out.println("WPFoods is not running (no live launcher for " + options.dataDir() + ").");
            return 3;
        }
        PlatformState s = state.get();
        out.printf(
                "WPFoods: %s (launcher pid %d, started %s%s)%n",
                s.phase(),
                s.launcherPid(),
                s.startedAt(),
                s.secondsToHealthy() == null ? "" : ", healthy after %.1f s".formatted(s.secondsToHealthy()));
        out.printf("  %-19s %-6s %-8s %-9s %s%n", "service", "port", "pid", "process", "health");
        boolean allUp = true;
        for (PlatformState.Service service : s.services()) {
            boolean alive = service.pid() != null
                    && ProcessHandle.of(service.pid())
                            .map(ProcessHandle::isAlive)
                            .orElse(false);
            String health = alive ? Health.of(service.port()) : service.status();
            allUp &= "UP".equals(health);
            out.printf(
                    "  %-19s %-6d %-8s %-9s %s%n",
                    service.name(),
                    service.port(),
                    service.pid() == null ? "-" : service.pid(),
                    alive ? "running" : "gone",
                    health);
        }
        out.printf("  %-19s %-6d%n  %-19s %-6d%n", "postgres", s.postgresPort(), "kafka", s.kafkaPort());
        out.println("Chat page: " + s.chatUrl());
        out.println("Logs: " + options.logDir());
        return allUp ? 0 : 1;
    }
}
