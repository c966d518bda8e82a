package co.wpfoods.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every fallback template a service can send (name, language, parameters, quick replies) is one the simulator has
 * approved: with the 24-hour window enforced, a name or a parameter count it does not know makes the send fail (132001,
 * 132000) and the restaurant or rapitendero who never wrote gets nothing. The services' sources are read as text: each
 * {@code OutboundCommands.template(name, language)} chain up to its {@code build()}, its name resolved to the
 * {@code @DefaultValue} of the configuration property it reads (directly or through a parameter of the method around
 * it), compared with {@code simulator.templates} of the simulator's {@code application.yml}.
 */
class TemplateContractTest {

    static final Path REPO = DeploymentManifestsTest.REPO;
    static final List<String> SENDERS = List.of("order-service", "dispatch-service", "payment-service", "ai-service");
    static final List<String> LANGUAGES = List.of("es", "en");
    static final String START = "OutboundCommands.template(";

    /** One template send found in a service's code. */
    record Send(String where, String name, int headerParameters, int bodyParameters, Set<Integer> quickReplies) {}

    /** One approved template in the simulator. */
    record Approved(int headerParameters, int bodyParameters, List<String> buttonTypes) {}

    @Test
    void every_fallback_template_a_service_can_send_is_approved_in_the_simulator_in_spanish_and_english()
            throws IOException {
        List<Send> sends = new ArrayList<>();
        for (String module : SENDERS) {
            sends.addAll(sends(module));
        }
        Map<String, Approved> approved = approved();

        assertThat(sends)
                .as("the services send fallback templates (the parser still finds them)")
                .extracting(Send::name)
                .contains("nuevo_pedido_restaurante", "oferta_pedido");
        List<String> problems = new ArrayList<>();
        for (Send send : sends) {
            for (String language : LANGUAGES) {
                Approved template = approved.get(send.name() + "/" + language);
                if (template == null) {
                    problems.add(send.where() + ": " + send.name() + " (" + language + ") is not an approved template");
                    continue;
                }
                if (template.headerParameters() != send.headerParameters()
                        || template.bodyParameters() != send.bodyParameters()) {
                    problems.add(send.where() + ": " + send.name() + " (" + language + ") sends "
                            + send.headerParameters() + " header and " + send.bodyParameters()
                            + " body parameters, the template has " + template.headerParameters() + " and "
                            + template.bodyParameters());
                }
                for (int index : send.quickReplies()) {
                    if (index >= template.buttonTypes().size()
                            || !"QUICK_REPLY".equals(template.buttonTypes().get(index))) {
                        problems.add(send.where() + ": " + send.name() + " (" + language + ") sets quick reply " + index
                                + " but the template's buttons are " + template.buttonTypes());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void given_a_template_chain_with_an_unknown_name_when_checked_then_it_is_reported() {
        String source = """
                class X {
                    @DefaultValue("no_such_template") String missing;
                    void send() {
                        var t = OutboundCommands.template(properties.missing(), language)
                                .bodyText(a, f(b, c))
                                .quickReply(0, "p")
                                .build();
                    }
                }
                """;

        List<Send> sends = parse("X.java", source, source);

        assertThat(sends).containsExactly(new Send("X.java", "no_such_template", 0, 2, Set.of(0)));
    }

    static List<Send> sends(String module) throws IOException {
        Path main = REPO.resolve(module).resolve("src/main/java");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(main)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            all.append(Files.readString(file)).append('\n');
        }
        List<Send> sends = new ArrayList<>();
        for (Path file : files) {
            sends.addAll(parse(main.relativize(file).toString(), Files.readString(file), all.toString()));
        }
        return sends;
    }

    static List<Send> parse(String where, String source, String moduleSources) {
        List<Send> sends = new ArrayList<>();
        for (int at = source.indexOf(START); at >= 0; at = source.indexOf(START, at + 1)) {
            int open = at + START.length() - 1;
            int close = matching(source, open);
            String nameExpression = arguments(source.substring(open + 1, close)).getFirst();
            int header = 0;
            int body = 0;
            Set<Integer> quickReplies = new LinkedHashSet<>();
            int cursor = close + 1;
            Matcher call = Pattern.compile("\\G\\s*\\.(\\w+)\\(").matcher(source);
            while (call.find(cursor)) {
                int callOpen = call.end() - 1;
                int callClose = matching(source, callOpen);
                List<String> arguments = arguments(source.substring(callOpen + 1, callClose));
                switch (call.group(1)) {
                    case "headerText", "headerMedia" -> header++;
                    case "bodyText" -> body += arguments.size();
                    case "bodyNamed", "bodyCurrency", "bodyDateTime" -> body++;
                    case "quickReply" -> quickReplies.add(Integer.parseInt(arguments.getFirst()));
                    case "urlButton", "build" -> {}
                    default -> throw new AssertionError(where + ": unknown template builder call " + call.group(1));
                }
                cursor = callClose + 1;
                if (call.group(1).equals("build")) {
                    break;
                }
            }
            String line = where + ":" + (source.substring(0, at).lines().count());
            for (String name : names(nameExpression, source, at, moduleSources, line)) {
                sends.add(new Send(where.equals("X.java") ? where : line, name, header, body, quickReplies));
            }
        }
        return sends;
    }

    /** The template names an expression can take: a literal, a configuration property, or a method's parameter. */
    static List<String> names(String expression, String source, int at, String moduleSources, String where) {
        String e = expression.strip();
        if (e.startsWith("\"")) {
            return List.of(e.substring(1, e.length() - 1));
        }
        Matcher property = Pattern.compile("(\\w+)\\(\\)$").matcher(e);
        if (property.find()) {
            // a settings record's component (restaurantNewOrderTemplate) carries the property it is bound from
            // (templates.restaurant-new-order): try the name as written, then without its "Template" suffix
            String name = property.group(1);
            for (String candidate : List.of(name, name.replaceFirst("Template$", ""))) {
                Matcher value = Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\)\\s+String\\s+" + candidate + "\\b")
                        .matcher(moduleSources);
                if (value.find()) {
                    return List.of(value.group(1));
                }
            }
            throw new AssertionError(where + ": no default found for property " + name);
        }
        if (e.matches("\\w+")) {
            // a parameter of the enclosing method: resolve it at every call of that method in the same file
            Matcher methods = Pattern.compile("\\s(\\w+)\\(([^()]*)\\)\\s*\\{").matcher(source);
            Optional<String[]> enclosing = Optional.empty();
            while (methods.find() && methods.start() < at) {
                List<String> parameters = arguments(methods.group(2));
                for (int i = 0; i < parameters.size(); i++) {
                    if (parameters.get(i).strip().endsWith(" " + e)) {
                        enclosing = Optional.of(new String[] {methods.group(1), String.valueOf(i)});
                    }
                }
            }
            assertThat(enclosing).as(where + ": where " + e + " comes from").isPresent();
            String method = enclosing.get()[0];
            int index = Integer.parseInt(enclosing.get()[1]);
            List<String> names = new ArrayList<>();
            Matcher calls = Pattern.compile("(?<![\\w.])" + method + "\\(").matcher(source);
            while (calls.find()) {
                int open = calls.end() - 1;
                String before = source.substring(Math.max(0, calls.start() - 20), calls.start());
                if (before.matches("(?s).*(Replies|String|void)\\s+$")) {
                    continue; // the declaration
                }
                List<String> arguments = arguments(source.substring(open + 1, matching(source, open)));
                names.addAll(names(arguments.get(index), source, calls.start(), moduleSources, where));
            }
            assertThat(names).as(where + ": calls that pass " + e).isNotEmpty();
            return names;
        }
        throw new AssertionError(where + ": cannot tell which template " + e + " names");
    }

    static Map<String, Approved> approved() throws IOException {
        Map<String, Object> yaml;
        try (Reader reader =
                Files.newBufferedReader(REPO.resolve("whatsapp-simulator/src/main/resources/application.yml"))) {
            yaml = new Yaml().load(reader);
        }
        @SuppressWarnings("unchecked")
        var templates = (List<Map<String, Object>>) ((Map<String, Object>) yaml.get("simulator")).get("templates");
        Map<String, Approved> approved = new java.util.LinkedHashMap<>();
        for (Map<String, Object> t : templates) {
            @SuppressWarnings("unchecked")
            var buttons = (List<Map<String, Object>>) t.getOrDefault("buttons", List.of());
            approved.put(
                    t.get("name") + "/" + t.get("language"),
                    new Approved(
                            placeholders((String) t.get("header-text")),
                            placeholders((String) t.get("body-text")),
                            buttons.stream().map(b -> (String) b.get("type")).toList()));
        }
        return approved;
    }

    static int placeholders(String text) {
        if (text == null) {
            return 0;
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names.size();
    }

    static int matching(String source, int open) {
        int depth = 0;
        boolean string = false;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' && source.charAt(i - 1) != '\\') {
                string = !string;
            } else if (!string && c == '(') {
                depth++;
            } else if (!string && c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new AssertionError("unbalanced parentheses at " + open);
    }

    /** Splits an argument list at its top-level commas. */
    static List<String> arguments(String list) {
        List<String> arguments = new ArrayList<>();
        if (list.isBlank()) {
            return arguments;
        }
        int depth = 0;
        boolean string = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"' && (i == 0 || list.charAt(i - 1) != '\\')) {
                string = !string;
            } else if (!string && (c == '(' || c == '<' || c == '[')) {
                depth++;
            } else if (!string && c == '-' && i + 1 < list.length() && list.charAt(i + 1) == '>') {
                i++; // a lambda's arrow
            } else if (!string && (c == ')' || c == '>' || c == ']')) {
                depth--;
            } else if (!string && depth == 0 && c == ',') {
                arguments.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        arguments.add(list.substring(start).strip());
        return arguments;
    }
}
