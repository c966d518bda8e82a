package co.wpfoods.launcher;

import co.wpfoods.testing.process.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Faster warm starts: each service runs from its jar extracted by Spring Boot's {@code -Djarmode=tools extract}
 * (plain jars on the class path, which the JVM can archive), with a dynamic class-data-sharing archive created on the
 * first run and used by later ones ({@code -XX:+AutoCreateSharedArchive}). A service whose jar changed is extracted
 * again and its archive dropped. If extraction fails, the service runs from its jar as built.
 */
final class ClassDataSharing {

    private ClassDataSharing() {}

    /** The command-line tail ({@code [-XX:…] -jar <jar>}) to run {@code spec}'s jar. */
    static List<String> launchArguments(Services.Spec spec, Path appsDir) {
        Path dir = appsDir.resolve(spec.name());
        Path extracted = dir.resolve(spec.jar().getFileName());
        if (!upToDate(spec.jar(), dir) && !extract(spec.jar(), dir)) {
            return List.of("-jar", spec.jar().toString());
        }
        return List.of(
                "-XX:SharedArchiveFile=" + dir.resolve("app.jsa"),
                "-XX:+AutoCreateSharedArchive",
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-jar",
                extracted.toString());
    }

    private static boolean upToDate(Path jar, Path dir) {
        try {
            Path stamp = dir.resolve("extracted-from");
            return Files.exists(stamp) && Files.readString(stamp).equals(fingerprint(jar));
        } catch (IOException e) {
            return false;
        }
    }

    private static String fingerprint(Path jar) throws IOException {
        return jar + " " + Files.getLastModifiedTime(jar).toMillis() + " " + Files.size(jar);
    }

    private static boolean extract(Path jar, Path dir) {
        try {
            LauncherBench.deleteRecursively(dir);
            Files.createDirectories(dir.getParent());
            Process extract = new ProcessBuilder(
                            ServiceProcess.javaBinary(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!extract.waitFor(3, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                return false;
            }
            Files.writeString(dir.resolve("extracted-from"), fingerprint(jar), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
