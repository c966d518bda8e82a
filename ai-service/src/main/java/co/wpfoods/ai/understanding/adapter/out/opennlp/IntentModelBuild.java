package co.wpfoods.ai.understanding.adapter.out.opennlp;

import co.wpfoods.ai.understanding.application.IntentTrainingData;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Build step (Maven {@code process-classes}): trains the intent models from the corpus in the repository and writes
 * them to {@code target/classes/nlu/model/}, so the service starts without training. Same data, same model.
 */
public final class IntentModelBuild {

    private IntentModelBuild() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/classes").resolve(OpenNlpIntentModel.MODEL_DIR);
        java.nio.file.Path fingerprint = out.resolve("fingerprint.txt");
        if (java.nio.file.Files.exists(fingerprint)
                && java.nio.file.Files.readString(fingerprint).strip().equals(IntentTrainingData.fingerprint())) {
            System.out.println("intent models: up to date in " + out);
            return;
        }
        long start = System.nanoTime();
        var data = IntentTrainingData.load();
        OpenNlpIntentModel model = OpenNlpIntentModel.train(data, OpenNlpIntentModel.Settings.load());
        model.write(out);
        System.out.printf(
                "intent models: %d training messages, trained in %d ms, written to %s%n",
                data.size(), (System.nanoTime() - start) / 1_000_000, out);
    }
}
