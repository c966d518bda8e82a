package co.wpfoods.launcher;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code ./wpfoods}: {@code up} (default) starts the platform and keeps it running until Ctrl-C,
 * {@code status} shows what runs, {@code bench} measures start times and memory.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(args, out));
            return;
        }
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.setProperty("wpfoods.log.dir", options.logDir().toString());
        int code = switch (options.command()) {
            case "up" -> up(options, out);
            case "status" -> StatusCommand.run(options, out);
            case "bench" -> LauncherBench.run(options, out);
            default -> {
                out.println("Unknown command " + options.command() + " (see ./wpfoods help)");
                yield 2;
            }
        };
        System.exit(code);
    }

    static int up(LauncherOptions options, PrintStream out) throws Exception {
        Instant launchedAt = Instant.ofEpochMilli(Long.parseLong(System.getProperty(
                "wpfoods.launch.epoch-ms",
                Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime()))));
        Platform platform = new Platform(options, out, launchedAt);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            platform.stop();
                            stopped.countDown();
                        },
                        "wpfoods-stop"));
        boolean allUp;
        try {
            allUp = platform.start();
        } catch (IllegalStateException e) {
            out.println("✗ " + e.getMessage());
            return 1;
        }
        if (options.seed()) {
            out.println("Demo data:");
            new DemoSeeder(options, out).seed(platform.status());
        }
        platform.writeState();
        out.println();
        out.printf(
                allUp
                        ? "WPFoods is up after %.1f s.%n"
                        : "WPFoods is up after %.1f s, but NOT every service is healthy (see above).%n",
                platform.elapsed());
        out.println("  Chat page (customers, restaurants, rapitenderos): " + platform.chatUrl());
        out.println("  Gateway (Meta webhooks):  " + options.ports().url("gateway") + "/webhooks/whatsapp");
        out.println("  Logs:   " + options.logDir() + "/<service>.log   (./wpfoods logs <service>)");
        out.println("  Status: ./wpfoods status        Stop: Ctrl-C");
        // the JVM keeps running (Kafka and the process monitors); Ctrl-C runs the shutdown hook
        stopped.await();
        return 0;
    }
}
