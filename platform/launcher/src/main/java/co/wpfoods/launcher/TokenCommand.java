package co.wpfoods.launcher;

import co.wpfoods.security.Role;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./wpfoods token ROLE [RESTAURANT_IDS] [--data-dir DIR]}: prints a bearer token signed with the running
 * platform's local key, for trying the REST APIs with curl. Only who can read the data folder can mint one.
 */
final class TokenCommand {

    private TokenCommand() {}

    static int run(String[] args, PrintStream out) {
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        if (rest.isEmpty() || rest.getFirst().startsWith("--")) {
            out.println("Usage: ./wpfoods token ops|restaurant|worker-admin|service [restaurant ids, comma-separated]");
            return 2;
        }
        Optional<Role> role = Role.fromClaim(rest.removeFirst());
        if (role.isEmpty()) {
            out.println("Unknown role; one of ops, restaurant, worker-admin, service");
            return 2;
        }
        List<String> restaurants = List.of();
        if (!rest.isEmpty() && !rest.getFirst().startsWith("--")) {
            restaurants = List.of(rest.removeFirst().split(","));
        }
        rest.addFirst("status");
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        LocalSecurity security = new LocalSecurity(options.dataDir());
        if (!Files.exists(security.signingKey())) {
            out.println("No local signing key in " + options.dataDir() + ": start the platform first (./wpfoods up)");
            return 3;
        }
        out.println(security.mint("local-" + role.get().claimValue(), List.of(role.get()), restaurants));
        return 0;
    }
}
