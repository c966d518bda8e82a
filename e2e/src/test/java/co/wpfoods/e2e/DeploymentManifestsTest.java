package co.wpfoods.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.schemas.Topics;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files ({@code docker-compose.yml}, {@code deploy/}, {@code k8s/}) agree with the code they deploy:
 * every topic in {@link Topics}, every service's port, probes, metrics, database and the environment names it
 * actually reads, secrets only by reference, and only the gateway reachable from outside. No cluster is needed: the
 * manifests are read as YAML and compared with the modules' own configuration and classes.
 */
@SuppressWarnings("unchecked")
class DeploymentManifestsTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /** Service module → its root package; the ones with a database also use the eventing kit. */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("gateway", "gateway");
        SERVICES.put("webhook-service", "webhook");
        SERVICES.put("order-service", "order");
        SERVICES.put("dispatch-service", "dispatch");
        SERVICES.put("payment-service", "payment");
        SERVICES.put("ai-service", "ai");
        SERVICES.put("messaging-service", "messaging");
    }

    static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|TOKEN|PASSWORD|API_KEY).*");

    final List<Map<String, Object>> base = documents(REPO.resolve("k8s/base"));
    final List<Map<String, Object>> local = documents(REPO.resolve("k8s/overlays/local"));
    final List<Map<String, Object>> production = documents(REPO.resolve("k8s/overlays/production"));
    final Map<String, Object> compose = load(REPO.resolve("docker-compose.yml")).getFirst();

    @Test
    void every_topic_and_its_dead_letter_topic_is_a_kafka_topic_resource() {
        Set<String> expected = new LinkedHashSet<>(Topics.ALL);
        Topics.ALL.forEach(topic -> expected.add(Topics.deadLetterOf(topic)));

        List<String> declared = ofKind(base, "KafkaTopic").stream()
                .map(topic -> (String) map(topic, "spec").get("topicName"))
                .toList();

        assertThat(declared).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        for (Map<String, Object> topic : ofKind(base, "KafkaTopic")) {
            assertThat(map(topic, "metadata", "labels")).containsEntry("strimzi.io/cluster", "wpfoods");
            assertThat(map(topic, "spec", "config"))
                    .as("%s survives one broker down with acks=all", name(topic))
                    .containsEntry("min.insync.replicas", 2);
            assertThat(map(topic, "spec")).containsEntry("replicas", 3);
        }
        assertThat(ofKind(base, "ConfigMap").stream()
                        .map(config -> map(config, "data"))
                        .filter(data -> data.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")))
                .as("the services leave the topics to the Topic Operator")
                .singleElement()
                .satisfies(data -> assertThat(data).containsEntry("WPFOODS_KAFKA_DECLARETOPICS", "false"));
    }

    @Test
    void every_service_runs_with_its_port_probes_metrics_and_a_disruption_budget() throws IOException {
        for (String service : SERVICES.keySet()) {
            Properties config = configOf(service);
            Map<String, Object> container = containerOf(base, service);
            int port = Integer.parseInt(config.getProperty("server.port"));

            assertThat(ports(container)).as("%s container port", service).containsExactly(port);
            assertThat(map(container, "livenessProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness");
            assertThat(map(container, "readinessProbe", "httpGet")).containsEntry("path", "/actuator/health/readiness");
            assertThat(map(container, "startupProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness");
            assertThat(config.getProperty("management.endpoint.health.probes.enabled"))
                    .as("%s exposes the probe groups", service)
                    .isEqualTo("true");
            assertThat(config.getProperty("server.shutdown"))
                    .as("%s shuts down gracefully", service)
                    .isEqualTo("graceful");
            String phaseSetting = config.getProperty("spring.lifecycle.timeout-per-shutdown-phase");
            assertThat(phaseSetting)
                    .as("%s bounds each shutdown phase", service)
                    .isNotNull();
            Duration phase = DurationStyle.detectAndParse(phaseSetting);
            Map<String, Object> pod = map(named(base, "Deployment", service), "spec", "template", "spec");
            assertThat(phase.multipliedBy(2).plusSeconds(5))
                    .as(
                            "%s: preStop sleep + two shutdown phases (web server, then Kafka and the relay) fit the grace"
                                    + " period",
                            service)
                    .isLessThanOrEqualTo(Duration.ofSeconds((Integer) pod.get("terminationGracePeriodSeconds")));
            boolean autoscaled = ofKind(base, "HorizontalPodAutoscaler").stream()
                    .anyMatch(hpa ->
                            service.equals(map(hpa, "spec", "scaleTargetRef").get("name")));
            assertThat(map(named(base, "Deployment", service), "spec").containsKey("replicas"))
                    .as("%s: replicas are set by its autoscaler or by its Deployment, not both", service)
                    .isNotEqualTo(autoscaled);

            Map<String, Object> annotations =
                    map(named(base, "Deployment", service), "spec", "template", "metadata", "annotations");
            assertThat(annotations).containsEntry("prometheus.io/port", String.valueOf(port));
            assertThat(config.getProperty("management.endpoints.web.exposure.include"))
                    .as("%s exposes what Prometheus scrapes", service)
                    .contains("prometheus");
            assertThat(Files.readString(REPO.resolve(service).resolve("pom.xml")))
                    .as("%s has a Prometheus registry", service)
                    .contains("<artifactId>micrometer-registry-prometheus</artifactId>");

            Map<String, Object> serviceResource = named(base, "Service", service);
            assertThat(list(map(serviceResource, "spec"), "ports"))
                    .singleElement()
                    .satisfies(p -> assertThat(((Map<?, ?>) p).get("port")).isEqualTo(port));
            assertThat(named(base, "PodDisruptionBudget", service)).isNotNull();
        }
    }

    @Test
    void every_environment_name_a_manifest_sets_is_one_the_service_reads() throws IOException {
        Map<String, Set<String>> setByService = new LinkedHashMap<>();
        for (var documents : List.of(base, local, production)) {
            // Deployments and the overlays' strategic-merge patches of Deployments have the same shape
            List<Map<String, Object>> deployments = new ArrayList<>(ofKind(documents, "Deployment"));
            deployments.addAll(strategicPatches(documents));
            for (Map<String, Object> deployment : deployments) {
                Map<String, Object> container =
                        (Map<String, Object>) list(map(deployment, "spec", "template", "spec"), "containers")
                                .getFirst();
                setByService
                        .computeIfAbsent(name(deployment), n -> new LinkedHashSet<>())
                        .addAll(envNames(container));
            }
        }
        map(compose, "services").forEach((service, definition) -> {
            Object environment = ((Map<?, ?>) definition).get("environment");
            if (environment instanceof Map<?, ?> env) {
                env.keySet()
                        .forEach(key -> setByService
                                .computeIfAbsent(service.toString(), n -> new LinkedHashSet<>())
                                .add(key.toString()));
            }
        });
        for (String infrastructure : List.of("postgres", "kafka", "prometheus", "grafana")) {
            setByService.remove(infrastructure);
        }

        assertThat(setByService.keySet()).containsAll(SERVICES.keySet()).contains("whatsapp-simulator");
        for (var entry : setByService.entrySet()) {
            Set<String> reads = environmentNamesRead(entry.getKey());
            assertThat(entry.getValue())
                    .as("environment names set for %s that it never reads", entry.getKey())
                    .allSatisfy(name -> assertThat(reads.contains(name)
                                    || reads.stream()
                                            .anyMatch(prefix -> prefix.endsWith("_") && name.startsWith(prefix)))
                            .as(name)
                            .isTrue());
        }
    }

    @Test
    void every_service_logs_json_with_personal_data_redacted() throws IOException {
        for (String service : SERVICES.keySet()) {
            assertThat(Files.readString(REPO.resolve(service).resolve("pom.xml")))
                    .as("%s redacts personal data from its JSON logs", service)
                    .contains("<groupId>co.wpfoods</groupId>\n      <artifactId>logging</artifactId>");
            Map<String, Object> container = containerOf(base, service);
            assertThat(list(container, "envFrom"))
                    .as("%s takes the shared runtime settings", service)
                    .anySatisfy(source -> assertThat(source.toString()).contains("name=wpfoods-runtime"));
        }
        assertThat(map(named(base, "ConfigMap", "wpfoods-runtime"), "data"))
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
    }

    @Test
    void alerts_and_the_dashboard_name_only_metrics_the_services_publish() throws IOException {
        Set<String> meters = new LinkedHashSet<>();
        Pattern builder = Pattern.compile("\\.builder\\(\\s*\"(wpfoods\\.[a-z0-9.]+)\"");
        try (Stream<Path> files = Files.walk(REPO)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .toList()) {
                Matcher matcher = builder.matcher(Files.readString(file));
                while (matcher.find()) {
                    meters.add(matcher.group(1).replace('.', '_'));
                }
            }
        }
        assertThat(meters).contains("wpfoods_messaging_token_invalid", "wpfoods_webhook_ack_latency");

        Map<String, Object> alerts =
                load(REPO.resolve("deploy/prometheus/alerts.yml")).getFirst();
        String dashboard = Files.readString(REPO.resolve("deploy/grafana/provisioning/dashboards/wpfoods.json"));
        Pattern metric = Pattern.compile("\\bwpfoods_[a-z0-9_]+");
        Set<String> referenced = new LinkedHashSet<>();
        for (String text : List.of(alerts.toString(), dashboard)) {
            Matcher matcher = metric.matcher(text);
            while (matcher.find()) {
                referenced.add(matcher.group());
            }
        }
        assertThat(referenced)
                .hasSizeGreaterThan(5)
                .allSatisfy(name -> assertThat(meters)
                        .as(
                                "%s is published by some service (Prometheus adds _total, _seconds, _bucket, _count …)",
                                name)
                        .contains(name.replaceAll("(_seconds)?(_total|_bucket|_count|_sum|_max)?$", "")));
        assertThat(list((Map<String, Object>) list(alerts, "groups").getFirst(), "rules"))
                .as("the access-token alert the sender's pause relies on")
                .anySatisfy(rule -> assertThat(rule.toString()).contains("wpfoods_messaging_token_invalid"));

        Map<String, Object> rule = load(REPO.resolve("k8s/components/monitoring/prometheusrule.yaml"))
                .getFirst();
        assertThat(map(rule, "spec"))
                .as("the PrometheusRule carries the same alerts")
                .isEqualTo(alerts);
    }

    @Test
    void secrets_are_referenced_never_written_in_the_base_or_production() {
        for (var documents : List.of(base, production)) {
            assertThat(ofKind(documents, "Secret")).isEmpty();
            for (Map<String, Object> deployment : ofKind(documents, "Deployment")) {
                for (Object item : list(containerOf(documents, name(deployment)), "env")) {
                    Map<?, ?> env = (Map<?, ?>) item;
                    if (SECRET_NAME.matcher(env.get("name").toString()).matches()) {
                        assertThat(env.containsKey("value"))
                                .as("%s of %s", env.get("name"), name(deployment))
                                .isFalse();
                        assertThat(((Map<?, ?>) env.get("valueFrom")).containsKey("secretKeyRef"))
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void services_that_encrypt_personal_data_take_their_keysets_from_a_secret_and_compose_from_the_local_keys()
            throws IOException {
        List<String> encrypting = new ArrayList<>();
        for (String service : SERVICES.keySet()) {
            // a service stores personal data encrypted when its code uses the cipher (platform/security)
            boolean encrypts;
            try (var sources = Files.walk(REPO.resolve(service).resolve("src/main/java"))) {
                encrypts = sources.filter(Files::isRegularFile).anyMatch(file -> {
                    try {
                        return Files.readString(file).contains("PersonalDataCipher");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            if (!encrypts) {
                continue;
            }
            encrypting.add(service);
            Map<String, Map<?, ?>> env = env(containerOf(base, service));
            for (var variable : Map.of(
                            "WPFOODS_SECURITY_KEYS_PERSONALDATA", "personal-data",
                            "WPFOODS_SECURITY_KEYS_LOOKUP", "lookup")
                    .entrySet()) {
                assertThat(env).as("%s of %s", variable.getKey(), service).containsKey(variable.getKey());
                assertThat(env.get(variable.getKey()).containsKey("value")).isFalse();
                Map<?, ?> reference =
                        (Map<?, ?>) ((Map<?, ?>) env.get(variable.getKey()).get("valueFrom")).get("secretKeyRef");
                assertThat(reference.get("name")).as(variable.getKey()).isEqualTo("wpfoods-data-keys");
                assertThat(reference.get("key")).as(variable.getKey()).isEqualTo(variable.getValue());
            }
            Map<?, ?> composed = (Map<?, ?>) map(compose, "services").get(service);
            assertThat(composed.get("command").toString())
                    .as("compose of %s", service)
                    .contains("--spring.config.import=file:/run/wpfoods-security/keys.properties");
        }
        // every service with a database keeps personal data (Ley 1581): all of them encrypt it; the gateway stores none
        assertThat(encrypting)
                .containsExactly(
                        "webhook-service",
                        "order-service",
                        "dispatch-service",
                        "payment-service",
                        "ai-service",
                        "messaging-service");
    }

    @Test
    void payment_service_takes_its_stripe_key_and_webhook_secrets_from_a_secret() {
        Map<String, Map<?, ?>> env = env(containerOf(base, "payment-service"));
        for (var variable : Map.of(
                        "STRIPE_API_KEY", "api-key", "WPFOODS_PAYMENT_STRIPE_WEBHOOK_SECRETS", "webhook-secrets")
                .entrySet()) {
            Map<?, ?> reference =
                    (Map<?, ?>) ((Map<?, ?>) env.get(variable.getKey()).get("valueFrom")).get("secretKeyRef");
            assertThat(reference.get("name")).as(variable.getKey()).isEqualTo("wpfoods-stripe");
            assertThat(reference.get("key")).as(variable.getKey()).isEqualTo(variable.getValue());
        }
    }

    @Test
    void each_service_with_a_database_has_its_own_database_role_and_credentials() throws IOException {
        Map<String, Object> cluster = named(base, "Cluster", "wpfoods-pg");
        assertThat(map(cluster, "spec", "postgresql", "parameters")).containsEntry("wal_level", "logical");
        assertThat(map(cluster, "spec", "replicationSlots", "highAvailability"))
                .as("the relays' failover slots are kept on the standbys")
                .containsEntry("synchronizeLogicalDecoding", true);
        List<Map<String, Object>> roles =
                (List<Map<String, Object>>) map(cluster, "spec", "managed").get("roles");
        String initSql = Files.readString(REPO.resolve("deploy/postgres/init.sql"));
        Map<String, Object> localSecrets = new LinkedHashMap<>();
        for (Object generator : list(local.getFirst(), "secretGenerator")) {
            localSecrets.put(((Map<?, ?>) generator).get("name").toString(), generator);
        }

        List<String> withDatabase = new ArrayList<>();
        for (String service : SERVICES.keySet()) {
            String url = configOf(service).getProperty("spring.datasource.url");
            if (url == null) {
                assertThat(envNames(containerOf(base, service))).noneMatch(n -> n.startsWith("SPRING_DATASOURCE"));
                continue;
            }
            withDatabase.add(service);
            String database = url.substring(url.lastIndexOf('/') + 1);
            String secret = "wpfoods-db-" + service;

            assertThat(map(named(base, "Database", service), "spec"))
                    .containsEntry("name", database)
                    .containsEntry("owner", database);
            assertThat(roles)
                    .as("role of %s", service)
                    .anySatisfy(role -> assertThat(role)
                            .containsEntry("name", database)
                            .containsEntry("replication", true)
                            .containsEntry("passwordSecret", Map.of("name", secret)));
            Map<String, Map<?, ?>> env = env(containerOf(base, service));
            assertThat(env.get("SPRING_DATASOURCE_URL").get("value"))
                    .isEqualTo("jdbc:postgresql://wpfoods-pg-rw:5432/" + database);
            for (String credential : List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
                assertThat(((Map<?, ?>) ((Map<?, ?>) env.get(credential).get("valueFrom")).get("secretKeyRef"))
                                .get("name"))
                        .isEqualTo(secret);
            }
            assertThat(initSql).contains("CREATE DATABASE " + database + ";");
            Map<?, ?> composeEnv =
                    (Map<?, ?>) ((Map<?, ?>) map(compose, "services").get(service)).get("environment");
            assertThat(composeEnv.get("SPRING_DATASOURCE_URL").toString()).endsWith("/" + database);
            assertThat(((Map<?, ?>) localSecrets.get(secret)).get("literals").toString())
                    .contains("username=" + database);
        }
        assertThat(withDatabase).hasSize(ofKind(base, "Database").size()).hasSize(roles.size());
    }

    @Test
    void postgresql_takes_every_pool_at_the_autoscalers_maximum_plus_the_relays() throws IOException {
        int needed = 0;
        for (String service : SERVICES.keySet()) {
            Properties config = configOf(service);
            if (config.getProperty("spring.datasource.url") == null) {
                continue;
            }
            int pool = Integer.parseInt(config.getProperty("spring.datasource.hikari.maximum-pool-size", "10"));
            int replicas = ofKind(base, "HorizontalPodAutoscaler").stream()
                    .filter(hpa ->
                            service.equals(map(hpa, "spec", "scaleTargetRef").get("name")))
                    .map(hpa -> (Integer) map(hpa, "spec").get("maxReplicas"))
                    .findFirst()
                    .orElseGet(() -> (Integer)
                            map(named(base, "Deployment", service), "spec").get("replicas"));
            // each replica's outbox relay: Debezium's replication and metadata connections, the offset store
            needed += replicas * (pool + 3);
        }
        Map<String, Object> parameters = map(named(base, "Cluster", "wpfoods-pg"), "spec", "postgresql", "parameters");
        int maxConnections = Integer.parseInt(parameters.get("max_connections").toString());
        assertThat(needed)
                .as("connections at full scale (3 are reserved for superusers, a few for the operator)")
                .isPositive()
                .isLessThanOrEqualTo(maxConnections - 10);
    }

    @Test
    void production_sets_every_setting_whose_default_is_for_local_development_only() {
        Map<String, List<String>> required = Map.of(
                "gateway", List.of("WPFOODS_META_APP_SECRET", "WPFOODS_META_VERIFY_TOKEN"),
                "messaging-service",
                        List.of("WPFOODS_META_ACCESS_TOKEN", "WPFOODS_META_PHONE_NUMBER_ID", "WPFOODS_GRAPH_BASE_URL"),
                "ai-service", List.of("WPFOODS_AI_TRANSCRIPTION_MEDIATOKEN"));
        required.forEach((service, names) ->
                assertThat(envNames(containerOf(base, service))).as(service).containsAll(names));
    }

    @Test
    void only_the_gateway_is_reachable_from_outside_the_namespace() {
        List<Map<String, Object>> policies = new ArrayList<>(ofKind(base, "NetworkPolicy"));
        policies.addAll(ofKind(local, "NetworkPolicy"));
        policies.addAll(ofKind(production, "NetworkPolicy"));
        assertThat(policies)
                .as("a default deny for every pod")
                .anySatisfy(
                        policy -> assertThat(map(policy, "spec", "podSelector")).isEmpty());
        Set<String> openToOutside = new LinkedHashSet<>();
        for (Map<String, Object> policy : policies) {
            for (Object rule : list(map(policy, "spec"), "ingress")) {
                List<?> from = (List<?>) ((Map<?, ?>) rule).get("from");
                // no "from", or an empty one, admits every source
                boolean fromAnywhere = from == null
                        || from.isEmpty()
                        || from.stream().map(Map.class::cast).anyMatch(peer -> {
                            Object namespaces = peer.get("namespaceSelector");
                            if (peer.containsKey("ipBlock")) {
                                return true;
                            }
                            if (namespaces == null) {
                                return false;
                            }
                            Object labels = ((Map<?, ?>) namespaces).get("matchLabels");
                            // Prometheus and the CloudNativePG operator are the only namespaces let in
                            return labels == null
                                    || !List.of(
                                                    Map.of("kubernetes.io/metadata.name", "monitoring"),
                                                    Map.of("kubernetes.io/metadata.name", "cnpg-system"))
                                            .contains(labels);
                        });
                if (fromAnywhere) {
                    openToOutside.add(
                            String.valueOf(map(policy, "spec", "podSelector").get("matchLabels")));
                }
            }
        }
        assertThat(openToOutside).containsExactly("{app.kubernetes.io/name=gateway}");

        // and what must flow does: the gateway to each service it routes to, on that service's port
        for (String service :
                List.of("webhook-service", "order-service", "dispatch-service", "payment-service", "ai-service")) {
            int port = ports(containerOf(base, service)).getFirst();
            assertThat(policies).as("gateway to %s:%d", service, port).anySatisfy(policy -> {
                assertThat(map(policy, "spec", "podSelector").get("matchLabels"))
                        .isEqualTo(Map.of("app.kubernetes.io/name", service));
                assertThat(list(map(policy, "spec"), "ingress"))
                        .anySatisfy(rule -> assertThat(rule.toString())
                                .contains("app.kubernetes.io/name=gateway")
                                .contains("port=" + port));
            });
        }
        assertThat(policies)
                .as("messaging-service and ai-service reach the simulator in the local overlay")
                .anySatisfy(policy -> assertThat(policy.toString())
                        .contains("whatsapp-simulator")
                        .contains("name=messaging-service")
                        .contains("name=ai-service"));

        List<String> published = new ArrayList<>();
        for (Map<String, Object> ingress : ofKind(production, "Ingress")) {
            for (Object rule : list(map(ingress, "spec"), "rules")) {
                for (Object path : list(map((Map<String, Object>) rule, "http"), "paths")) {
                    Map<String, Object> entry = (Map<String, Object>) path;
                    assertThat(map(entry, "backend", "service")).containsEntry("name", "gateway");
                    published.add(entry.get("path").toString());
                }
            }
        }
        assertThat(published)
                .as("Meta's callback and the public API only; Actuator stays inside")
                .containsExactlyInAnyOrder("/webhooks/whatsapp", "/api");
    }

    @Test
    void the_published_api_is_authenticated_at_the_gateway_and_again_in_every_service_behind_it() throws IOException {
        // the gateway and every service it routes /api to are resource servers trusting the one OIDC issuer
        for (String service :
                List.of("gateway", "order-service", "dispatch-service", "payment-service", "ai-service")) {
            assertThat(Files.readString(REPO.resolve(service).resolve("pom.xml")))
                    .as("%s depends on platform/security", service)
                    .contains("<groupId>co.wpfoods</groupId>\n      <artifactId>security</artifactId>");
            assertThat(envNames(containerOf(base, service)))
                    .as("%s is told the token issuer", service)
                    .contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
        }
        // and under /api the gateway lets through without a token only the payment providers' signed webhooks
        Map<String, Object> gateway =
                load(REPO.resolve("gateway/src/main/resources/application.yml")).getFirst();
        List<Object> open = list(map(gateway, "wpfoods", "security"), "public-paths");
        assertThat(open.stream().map(Object::toString).filter(path -> path.startsWith("/api")))
                .containsExactly("/api/payments/webhooks/**");
        assertThat(open).hasSize(2);
    }

    @Test
    void the_services_that_call_other_services_take_client_credentials_tokens_from_the_issuer() {
        String registration = "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_WPFOODS_";
        Map<String, Object> security = map(named(base, "ConfigMap", "wpfoods-security"), "data");
        assertThat(security.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_WPFOODS_ISSUERURI"))
                .as("the client's issuer is the one whose tokens the services accept")
                .isNotNull()
                .isEqualTo(security.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI"));
        Map<String, Object> localSecrets = new LinkedHashMap<>();
        for (Object generated : list(ofKind(local, "Kustomization").getFirst(), "secretGenerator")) {
            localSecrets.put(((Map<?, ?>) generated).get("name").toString(), generated);
        }
        for (var caller : Map.of("order-service", "AI_SERVICE_URL", "dispatch-service", "WPFOODS_DISPATCH_AI_BASEURL")
                .entrySet()) {
            String service = caller.getKey();
            Map<String, Map<?, ?>> env = env(containerOf(base, service));
            assertThat(env.get(caller.getValue()))
                    .as("%s finds ai-service in the cluster", service)
                    .isNotNull()
                    .satisfies(e -> assertThat(e.get("value")).isEqualTo("http://ai-service:8085"));
            assertThat(env.get(registration + "AUTHORIZATIONGRANTTYPE"))
                    .as("%s registers a client_credentials client", service)
                    .isNotNull()
                    .satisfies(e -> assertThat(e.get("value")).isEqualTo("client_credentials"));
            for (var credential : Map.of("CLIENTID", "client-id", "CLIENTSECRET", "client-secret")
                    .entrySet()) {
                Map<?, ?> variable = env.get(registration + credential.getKey());
                assertThat(variable).as("%s %s", service, credential.getKey()).isNotNull();
                Map<?, ?> reference = (Map<?, ?>) ((Map<?, ?>) variable.get("valueFrom")).get("secretKeyRef");
                assertThat(reference.get("name")).isEqualTo("wpfoods-oauth-" + service);
                assertThat(reference.get("key")).isEqualTo(credential.getValue());
                assertThat(reference.get("optional"))
                        .as("a half-configured client must not start quietly without tokens")
                        .isNotEqualTo(true);
            }
            assertThat(localSecrets)
                    .as("the local overlay makes %s's client secret", service)
                    .containsKey("wpfoods-oauth-" + service);
        }
        for (Map<String, Object> deployment : ofKind(base, "Deployment")) {
            assertThat(env(containerOf(base, name(deployment))).keySet())
                    .as("no fixed bearer token in %s: tokens come from the issuer", name(deployment))
                    .noneMatch(name -> name.endsWith("BEARERTOKEN"));
        }
    }

    @Test
    void kustomizations_name_every_manifest_and_compose_runs_and_scrapes_every_service() throws IOException {
        for (Path directory : List.of(
                REPO.resolve("k8s/base"),
                REPO.resolve("k8s/overlays/local"),
                REPO.resolve("k8s/overlays/production"),
                REPO.resolve("k8s/components/monitoring"))) {
            Map<String, Object> kustomization =
                    load(directory.resolve("kustomization.yaml")).getFirst();
            Set<String> listed = list(kustomization, "resources").stream()
                    .map(Object::toString)
                    .collect(Collectors.toSet());
            for (String resource : listed) {
                assertThat(directory.resolve(resource))
                        .as("%s in %s", resource, directory)
                        .exists();
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(file -> file.toString().endsWith(".yaml"))
                        .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                        .forEach(file -> assertThat(listed)
                                .as("%s is applied", file)
                                .contains(directory.relativize(file).toString()));
            }
        }

        Map<String, Object> services = map(compose, "services");
        assertThat(services)
                .containsKeys(SERVICES.keySet().toArray(String[]::new))
                .containsKey("whatsapp-simulator");
        Map<String, Object> prometheus =
                load(REPO.resolve("deploy/prometheus/prometheus.yml")).getFirst();
        List<?> targets = list(
                (Map<String, Object>) list(
                                (Map<String, Object>)
                                        list(prometheus, "scrape_configs").getFirst(),
                                "static_configs")
                        .getFirst(),
                "targets");
        List<String> expected = new ArrayList<>();
        for (String service : SERVICES.keySet()) {
            expected.add(service + ":" + configOf(service).getProperty("server.port"));
            Map<?, ?> build = (Map<?, ?>) ((Map<?, ?>) services.get(service)).get("build");
            assertThat(build.get("dockerfile")).isEqualTo("deploy/Dockerfile");
            assertThat(((Map<?, ?>) build.get("args")).get("SERVICE")).isEqualTo(service);
        }
        assertThat(targets.stream().map(Object::toString).toList()).containsExactlyInAnyOrderElementsOf(expected);
    }

    // ---- what a service reads ----

    /**
     * Environment names a service binds: its config's {@code ${NAME}} placeholders, the relaxed (upper-case,
     * underscore) form of every key in its application config and of every {@code @ConfigurationProperties} of its
     * package (and the eventing kit's, for services with a database); {@code NAME_} entries are prefixes (maps,
     * lists). Plus what the JVM reads.
     */
    static Set<String> environmentNamesRead(String service) throws IOException {
        Set<String> names =
                new LinkedHashSet<>(List.of("JAVA_TOOL_OPTIONS", "SERVER_PORT", "LOGGING_STRUCTURED_FORMAT_CONSOLE"));
        Path resources = REPO.resolve(service).resolve("src/main/resources");
        for (String file : List.of("application.yml", "application.yaml", "application.properties")) {
            Path path = resources.resolve(file);
            if (Files.exists(path)) {
                Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(path));
                while (placeholder.find()) {
                    names.add(placeholder.group(1));
                }
            }
        }
        configOf(service).stringPropertyNames().forEach(key -> names.add(relaxed(key.replaceAll("\\[\\d+].*", ""))));
        String root = service.equals("whatsapp-simulator") ? "simulator" : SERVICES.get(service);
        List<String> packages = new ArrayList<>(List.of("co.wpfoods." + root));
        if (configOf(service).getProperty("spring.datasource.url") != null) {
            // the eventing kit: its own settings, Spring Boot's database and Kafka connection
            packages.add("co.wpfoods.eventing");
            names.addAll(List.of(
                    "SPRING_DATASOURCE_URL",
                    "SPRING_DATASOURCE_USERNAME",
                    "SPRING_DATASOURCE_PASSWORD",
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS"));
        }
        if (Files.readString(REPO.resolve(service).resolve("pom.xml"))
                .contains("<groupId>co.wpfoods</groupId>\n      <artifactId>security</artifactId>")) {
            // platform/security: its own settings and Spring's resource-server token settings
            packages.add("co.wpfoods.security");
            names.addAll(List.of(
                    "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI",
                    "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI",
                    "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION",
                    // Spring's OAuth2 client registrations and providers (maps): service-to-service tokens
                    "SPRING_SECURITY_OAUTH2_CLIENT_"));
        }
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (String pkg : packages) {
            for (var candidate : scanner.findCandidateComponents(pkg)) {
                Class<?> type = loadClass(candidate.getBeanClassName());
                ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                addKeys(prefix, type, names);
            }
        }
        return names;
    }

    static void addKeys(String prefix, Class<?> type, Set<String> names) {
        if (!type.isRecord()) {
            names.add(relaxed(prefix) + "_");
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + "."
                    + component
                            .getName()
                            .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                            .toLowerCase(Locale.ROOT);
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getName().startsWith("co.wpfoods.")) {
                addKeys(key, componentType, names);
            } else {
                names.add(relaxed(key));
                if (Map.class.isAssignableFrom(componentType)
                        || Collection.class.isAssignableFrom(componentType)
                        || isGenericOfRecords(component.getGenericType())) {
                    names.add(relaxed(key) + "_");
                }
            }
        }
    }

    static boolean isGenericOfRecords(Type type) {
        return type instanceof ParameterizedType parameterized
                && Stream.of(parameterized.getActualTypeArguments())
                        .anyMatch(argument -> argument instanceof Class<?> c && c.isRecord());
    }

    /** Spring Boot's environment form of a property key: upper case, dots to underscores, dashes dropped. */
    static String relaxed(String key) {
        return key.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    static Properties configOf(String module) throws IOException {
        Path resources = REPO.resolve(module).resolve("src/main/resources");
        Properties properties = new Properties();
        Path yaml = Stream.of("application.yml", "application.yaml")
                .map(resources::resolve)
                .filter(Files::exists)
                .findFirst()
                .orElse(null);
        if (yaml != null) {
            YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
            factory.setResources(new FileSystemResource(yaml));
            properties.putAll(Objects.requireNonNull(factory.getObject()));
        }
        Path file = resources.resolve("application.properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        Properties text = new Properties();
        properties.forEach((key, value) -> text.setProperty(key.toString(), value.toString()));
        return text;
    }

    static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading manifests ----

    static List<Map<String, Object>> documents(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> yamlFiles = files.filter(file -> file.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
            List<Map<String, Object>> all = new ArrayList<>();
            // the kustomization first, so tests can find it
            yamlFiles.stream()
                    .filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                    .forEach(file -> all.addAll(load(file)));
            yamlFiles.stream()
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .forEach(file -> all.addAll(load(file)));
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            assertThat(documents).as("documents in %s", file).isNotEmpty();
            return documents;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Strategic-merge patches written inline in a kustomization. */
    static List<Map<String, Object>> strategicPatches(List<Map<String, Object>> documents) {
        List<Map<String, Object>> patches = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            if (document.containsKey("patches")) {
                for (Object patch : list(document, "patches")) {
                    Object text = ((Map<?, ?>) patch).get("patch");
                    if (text != null && text.toString().contains("kind: Deployment")) {
                        patches.add(new Yaml().load(text.toString()));
                    }
                }
            }
        }
        return patches;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> documents, String kind, String name) {
        return ofKind(documents, kind).stream()
                .filter(d -> name.equals(name(d)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static String name(Map<String, Object> document) {
        return (String) map(document, "metadata").get("name");
    }

    static Map<String, Object> containerOf(List<Map<String, Object>> documents, String deployment) {
        List<?> containers =
                list(map(named(documents, "Deployment", deployment), "spec", "template", "spec"), "containers");
        assertThat(containers).as("containers of %s", deployment).hasSize(1);
        return (Map<String, Object>) containers.getFirst();
    }

    static List<Integer> ports(Map<String, Object> container) {
        return list(container, "ports").stream()
                .map(port -> (Integer) ((Map<?, ?>) port).get("containerPort"))
                .toList();
    }

    static Map<String, Map<?, ?>> env(Map<String, Object> container) {
        Map<String, Map<?, ?>> env = new LinkedHashMap<>();
        for (Object item : list(container, "env")) {
            env.put(((Map<?, ?>) item).get("name").toString(), (Map<?, ?>) item);
        }
        return env;
    }

    /** Names from {@code env} and from the ConfigMaps named in {@code envFrom}. */
    Set<String> envNames(Map<String, Object> container) {
        Set<String> names = new LinkedHashSet<>(env(container).keySet());
        for (Object source : list(container, "envFrom")) {
            Object reference = ((Map<?, ?>) source).get("configMapRef");
            if (reference != null) {
                String configMap = ((Map<?, ?>) reference).get("name").toString();
                names.addAll(map(named(base, "ConfigMap", configMap), "data").keySet());
            }
        }
        return names;
    }

    static Map<String, Object> map(Map<String, Object> document, String... path) {
        Map<String, Object> current = document;
        for (String key : path) {
            Object next = current.get(key);
            if (next == null) {
                return Map.of();
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }

    static List<Object> list(Map<String, Object> document, String key) {
        Object value = document.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }
}
