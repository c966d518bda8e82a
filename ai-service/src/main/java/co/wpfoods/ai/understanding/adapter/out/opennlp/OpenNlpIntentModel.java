package co.wpfoods.ai.understanding.adapter.out.opennlp;

import co.wpfoods.ai.understanding.application.IntentModel;
import co.wpfoods.ai.understanding.application.IntentTrainingData;
import co.wpfoods.ai.understanding.application.IntentTrainingData.Labelled;
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.IntentCandidate;
import co.wpfoods.ai.understanding.domain.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.OnePassDataIndexer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * One Apache OpenNLP maximum-entropy model per role (multinomial logistic regression trained with L-BFGS and an L2
 * penalty) over the features of {@link co.wpfoods.ai.understanding.domain.intent.IntentFeatures}. Training is deterministic: same
 * data, same model. Probabilities are calibrated with a temperature ({@code p ∝ p_model^(1/T)}) fitted on
 * cross-validation predictions.
 */
public final class OpenNlpIntentModel implements IntentModel {

    /** Training settings and calibration (values in {@code nlu/model.properties}). */
    public record Settings(int iterations, double l2, int cutoff, double temperature, double abstainBelow) {

        /** The settings in {@code nlu/model.properties}. */
        public static Settings load() {
            java.util.Properties p = new java.util.Properties();
            try (var in = OpenNlpIntentModel.class.getClassLoader().getResourceAsStream("nlu/model.properties")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource nlu/model.properties");
                }
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Settings(
                    Integer.parseInt(p.getProperty("iterations").strip()),
                    Double.parseDouble(p.getProperty("l2").strip()),
                    Integer.parseInt(p.getProperty("cutoff").strip()),
                    Double.parseDouble(p.getProperty("temperature").strip()),
                    Double.parseDouble(p.getProperty("abstain-below").strip()));
        }

        public Settings withTemperature(double t) {
            return new Settings(iterations, l2, cutoff, t, abstainBelow);
        }
    }

    private final Map<Role, MaxentModel> models;
    private final Map<Role, Intent[]> outcomes;
    private final Settings settings;

    private OpenNlpIntentModel(Map<Role, MaxentModel> models, Settings settings) {
        this.models = models;
        this.settings = settings;
        this.outcomes = new EnumMap<>(Role.class);
        models.forEach((role, m) -> {
            Intent[] o = new Intent[m.getNumOutcomes()];
            for (int i = 0; i < o.length; i++) {
                o[i] = Intent.fromWireName(m.getOutcome(i));
            }
            outcomes.put(role, o);
        });
    }

    private static volatile OpenNlpIntentModel standard;

    /** Where the build writes the trained models (on the classpath). */
    public static final String MODEL_DIR = "nlu/model/";

    /**
     * The model of the corpus in the repository with the settings in {@code nlu/model.properties}: the one the build
     * trained ({@code nlu/model/*.bin}, written by {@link IntentModelBuild} at {@code process-classes}) when it was
     * trained from exactly the current data, otherwise trained here (a few seconds); once per process, then shared.
     */
    public static OpenNlpIntentModel standard() {
        OpenNlpIntentModel m = standard;
        if (m == null) {
            synchronized (OpenNlpIntentModel.class) {
                m = standard;
                if (m == null) {
                    Settings settings = Settings.load();
                    m = loadBuilt(settings).orElseGet(() -> train(IntentTrainingData.load(), settings));
                    standard = m;
                }
            }
        }
        return m;
    }

    /** The models the build wrote, if they were trained from the current data and settings. */
    static java.util.Optional<OpenNlpIntentModel> loadBuilt(Settings settings) {
        ClassLoader cl = OpenNlpIntentModel.class.getClassLoader();
        try (var fingerprint = cl.getResourceAsStream(MODEL_DIR + "fingerprint.txt")) {
            if (fingerprint == null
                    || !new String(fingerprint.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                            .strip()
                            .equals(IntentTrainingData.fingerprint())) {
                return java.util.Optional.empty();
            }
            Map<Role, MaxentModel> models = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                try (var in =
                        cl.getResourceAsStream(MODEL_DIR + role.name().toLowerCase(java.util.Locale.ROOT) + ".bin")) {
                    if (in == null) {
                        return java.util.Optional.empty();
                    }
                    models.put(
                            role,
                            new opennlp.tools.ml.maxent.io.BinaryQNModelReader(
                                            new java.io.DataInputStream(new java.io.BufferedInputStream(in)))
                                    .getModel());
                }
            }
            return java.util.Optional.of(new OpenNlpIntentModel(models, settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one model file per role and the fingerprint of the data they were trained from. */
    public void write(java.nio.file.Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        for (var e : models.entrySet()) {
            java.nio.file.Path file = dir.resolve(e.getKey().name().toLowerCase(java.util.Locale.ROOT) + ".bin");
            try (var out = new java.io.DataOutputStream(
                    new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file)))) {
                new opennlp.tools.ml.maxent.io.BinaryQNModelWriter(
                                (opennlp.tools.ml.model.AbstractModel) e.getValue(), out)
                        .persist();
            }
        }
        java.nio.file.Files.writeString(dir.resolve("fingerprint.txt"), IntentTrainingData.fingerprint() + "\n");
    }

    public static OpenNlpIntentModel train(Collection<Labelled> data, Settings settings) {
        Map<Role, MaxentModel> models = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            List<Event> events = new ArrayList<>();
            for (Labelled l : data) {
                if (l.role() == role) {
                    events.add(new Event(l.intent().wireName(), l.features().toArray(String[]::new)));
                }
            }
            if (!events.isEmpty()) {
                models.put(role, trainOne(events, settings));
            }
        }
        return new OpenNlpIntentModel(models, settings);
    }

    private static MaxentModel trainOne(List<Event> events, Settings settings) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        params.put(QNTrainer.L1COST_PARAM, 0.0);
        params.put(QNTrainer.L2COST_PARAM, settings.l2());
        params.put("PrintMessages", false);
        try {
            OnePassDataIndexer indexer = new OnePassDataIndexer();
            indexer.init(params, new java.util.HashMap<>());
            indexer.index(new CollectionObjectStream<>(events));
            QNTrainer trainer = new QNTrainer();
            trainer.init(params, new java.util.HashMap<>());
            return trainer.trainModel(settings.iterations(), indexer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<IntentCandidate> rank(Role role, List<String> features) {
        MaxentModel model = models.get(role);
        if (model == null) {
            return List.of(new IntentCandidate(Intent.UNKNOWN, 1.0));
        }
        double[] p = model.eval(features.toArray(String[]::new));
        double[] q = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            q[i] = Math.exp(Math.log(Math.max(p[i], 1e-12)) / settings.temperature());
            sum += q[i];
        }
        Intent[] o = outcomes.get(role);
        List<IntentCandidate> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            out.add(new IntentCandidate(o[i], q[i] / sum));
        }
        out.sort(Comparator.comparingDouble(IntentCandidate::probability).reversed());
        return out;
    }

    @Override
    public double abstainBelow() {
        return settings.abstainBelow();
    }
}
