package co.wpfoods.launcher;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code ./wpfoods}: {@code up} (default) starts the platform and keeps it running until Ctrl-C,
 * {@code status} shows what runs, {@code bench} measures start times and memory, {@code bench conversation} the
 * customers' reply latency through the whole path ({@link ConversationBench}).
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(args, out));
            return;
        }
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("conversation")) {
            try {
                System.exit(ConversationBench.run(java.util.Arrays.copyOfRange(args, 2, args.length), out));
            } catch (IllegalArgumentException e) {
                out.println(e.getMessage());
                System.exit(2);
            }
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
            seed(new DemoSeeder(options, out), platform, out);
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

    /**
     * Loads each part of the demo data whose service is up now, and every other part as soon as its service comes up
     * (the platform keeps waiting for a late service in the background), saying so on the console.
     */
    static WhenUp seed(DemoSeeder seeder, Platform platform, PrintStream out) {
        out.println("Demo data:");
        WhenUp whenUp = new WhenUp(platform::isUp, Duration.ofSeconds(1), out);
        List<DemoSeeder.Part> due = seeder.due();
        if (!due.contains(DemoSeeder.Part.RESTAURANTS) && !due.contains(DemoSeeder.Part.WORKERS)) {
            out.println("  ✓ demo restaurants and rapitenderos already loaded ("
                    + LauncherOptions.shown(platform.options().repo(), seeder.marker()) + ")");
        }
        for (DemoSeeder.Part part : due) {
            if (platform.isUp(part.service)) {
                seeder.load(part);
                continue;
            }
            if (!platform.isLate(part.service)) {
                // not started (--services), not built, or crashed: nothing to wait for in this run
                out.printf(
                        "  ✗ %s not running (%s): %s not loaded (they will be on a start where it runs)%n",
                        part.service, platform.status().getOrDefault(part.service, "not started"), part.what);
                continue;
            }
            out.printf(
                    "  … %s not up yet: %s will be loaded as soon as it is (this console says when)%n",
                    part.service, part.what);
            whenUp.then(part.service, () -> {
                synchronized (out) {
                    out.printf("%nDemo data (%s is up now, %.1f s after launch):%n", part.service, platform.elapsed());
                    seeder.load(part);
                    out.printf("  ✓ %s loaded late: try them on the chat page %s%n", part.what, platform.chatUrl());
                }
            });
        }
        return whenUp;
    }
}
