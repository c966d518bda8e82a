package co.wpfoods.ai.nlu;

import co.wpfoods.ai.menus.domain.MenuSnapshot;
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.Role;
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

    /**
     * One exchange of the context set: what the conversation sent ({@code lastMessages}, cart), the short reply, and
     * the expected intent and entities ({@code entities}: only the ones the line names are checked).
     */
    public record Exchange(
            int line,
            Role role,
            String restaurantId,
            List<co.wpfoods.ai.understanding.application.UnderstandRequest.CartLine> cart,
            List<String> lastMessages,
            String text,
            Intent intent,
            Map<String, String> entities) {

        public co.wpfoods.ai.understanding.application.UnderstandRequest request() {
            return new co.wpfoods.ai.understanding.application.UnderstandRequest(
                    role, null, text, restaurantId, lastMessages, cart, java.time.LocalTime.NOON);
        }
    }

    /**
     * The context set ({@code nlu/context.tsv}): short replies that only our last question decides, written before
     * the engine read {@code lastMessages}, never used to tune it.
     */
    public static List<Exchange> context() {
        try (InputStream in = resource("/nlu/context.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Exchange> out = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\t", 7);
                List<co.wpfoods.ai.understanding.application.UnderstandRequest.CartLine> cart = new ArrayList<>();
                items(f[2])
                        .forEach((id, qty) -> cart.add(
                                new co.wpfoods.ai.understanding.application.UnderstandRequest.CartLine(id, id, qty)));
                Map<String, String> entities = new LinkedHashMap<>();
                if (!f[6].strip().equals("-")) {
                    for (String e : f[6].strip().split(";")) {
                        String[] kv = e.split("=", 2);
                        entities.put(kv[0].strip(), kv[1].strip());
                    }
                }
                out.add(new Exchange(
                        i + 1,
                        Role.valueOf(f[0]),
                        f[1].equals("-") ? null : f[1],
                        cart,
                        List.of(f[3].replace("\\n", "\n").split(" \\|\\| ")),
                        f[4],
                        Intent.fromWireName(f[5]),
                        entities));
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
