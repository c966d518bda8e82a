package co.wpfoods.ai.nlu;

import co.wpfoods.ai.domain.Intent;
import co.wpfoods.ai.domain.MenuSnapshot;
import co.wpfoods.ai.domain.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The labelled utterances and the three Bogotá menus they refer to (src/test/resources/nlu). */
public final class NluCorpus {

    public static final List<String> RESTAURANTS = List.of("r-brasa", "r-vito", "r-fonda");

    public record Labelled(
            int line,
            String split,
            Role role,
            String restaurantId,
            Intent intent,
            Map<String, Integer> items,
            String text) {}

    private NluCorpus() {}

    public static List<MenuSnapshot> menus() {
        JsonMapper mapper = JsonMapper.builder().build();
        List<MenuSnapshot> out = new ArrayList<>();
        for (String r : RESTAURANTS) {
            try (InputStream in = resource("/nlu/menus/" + r + ".json")) {
                out.add(mapper.readValue(in, MenuSnapshot.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public static List<Labelled> utterances() {
        try (InputStream in = resource("/nlu/utterances.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Labelled> out = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\t", 6);
                Map<String, Integer> items = new LinkedHashMap<>();
                if (!f[4].equals("-")) {
                    for (String it : f[4].split(",")) {
                        String[] p = it.split("\\*");
                        items.merge(p[0], p.length > 1 ? Integer.parseInt(p[1]) : 1, Integer::sum);
                    }
                }
                out.add(new Labelled(
                        i + 1,
                        f[0],
                        Role.valueOf(f[1]),
                        f[2].equals("-") ? null : f[2],
                        Intent.fromWireName(f[3]),
                        items,
                        f[5]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fresh set ({@code nlu/fresh.tsv}): written before the trained classifier existed, never used to train it or
     * to choose its features or settings.
     */
    public static List<Labelled> fresh() {
        try (InputStream in = resource("/nlu/fresh.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Labelled> out = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\t", 5);
                out.add(new Labelled(
                        i + 1,
                        "fresh-set",
                        Role.valueOf(f[0]),
                        f[1].equals("-") ? null : f[1],
                        Intent.fromWireName(f[2]),
                        items(f[3]),
                        f[4]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> items(String field) {
        Map<String, Integer> items = new LinkedHashMap<>();
        if (!field.equals("-")) {
            for (String it : field.split(",")) {
                String[] p = it.split("\\*");
                items.merge(p[0], p.length > 1 ? Integer.parseInt(p[1]) : 1, Integer::sum);
            }
        }
        return items;
    }

    public static List<Labelled> split(String name) {
        return utterances().stream().filter(u -> u.split().equals(name)).toList();
    }

    private static InputStream resource(String path) {
        InputStream in = NluCorpus.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }
}
