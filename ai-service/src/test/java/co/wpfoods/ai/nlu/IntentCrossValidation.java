package co.wpfoods.ai.nlu;

import co.wpfoods.ai.understanding.adapter.out.opennlp.OpenNlpIntentModel;
import co.wpfoods.ai.understanding.adapter.out.opennlp.OpenNlpIntentModel.Settings;
import co.wpfoods.ai.understanding.application.IntentTrainingData.Labelled;
import co.wpfoods.ai.understanding.domain.IntentCandidate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * k-fold cross-validation of the intent classifier on the training corpus. Folds are drawn by template (every
 * message generated from one template is in the same fold), so a fold is scored on phrasings its model never saw,
 * not on a typo'd copy of a training message. The out-of-fold predictions give the accuracy, the temperature that
 * calibrates the probabilities (least negative log-likelihood), the expected calibration error, and accuracy and
 * abstention share at each threshold.
 */
public final class IntentCrossValidation {

    /** One out-of-fold prediction (probabilities before any temperature). */
    public record Prediction(Labelled gold, List<IntentCandidate> ranked) {

        boolean correct() {
            return ranked.get(0).intent() == gold.intent();
        }
    }

    public record Result(
            int folds,
            int messages,
            double accuracy,
            double temperature,
            double expectedCalibrationError,
            Map<Double, double[]> byThreshold,
            List<Prediction> predictions) {

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("folds=%d messages=%d accuracy=%.2f%% temperature=%.2f ece=%.3f"
                    .formatted(folds, messages, accuracy * 100, temperature, expectedCalibrationError));
            byThreshold.forEach((t, v) -> s.append(
                    "\n  threshold %.2f: accuracy on answered %.2f%%, abstained %.2f%%, accuracy counting abstentions as misses %.2f%%"
                            .formatted(t, v[0] * 100, v[1] * 100, v[2] * 100)));
            return s.toString();
        }
    }

    private IntentCrossValidation() {}

    public static Result run(List<Labelled> data, Settings settings, int k, long seed) {
        List<String> templates = new ArrayList<>(
                new LinkedHashSet<>(data.stream().map(Labelled::template).toList()));
        Collections.shuffle(templates, new Random(seed));
        Map<String, Integer> fold = new LinkedHashMap<>();
        for (int i = 0; i < templates.size(); i++) {
            fold.put(templates.get(i), i % k);
        }
        List<Prediction> predictions = new ArrayList<>();
        Settings raw = settings.withTemperature(1.0);
        for (int f = 0; f < k; f++) {
            int current = f;
            List<Labelled> train =
                    data.stream().filter(l -> fold.get(l.template()) != current).toList();
            List<Labelled> test =
                    data.stream().filter(l -> fold.get(l.template()) == current).toList();
            OpenNlpIntentModel model = OpenNlpIntentModel.train(train, raw);
            for (Labelled l : test) {
                predictions.add(new Prediction(l, model.rank(l.role(), l.features())));
            }
        }
        double accuracy = predictions.stream().filter(Prediction::correct).count() / (double) predictions.size();
        double temperature = fitTemperature(predictions);
        Map<Double, double[]> byThreshold = new LinkedHashMap<>();
        for (double t : new double[] {0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6}) {
            int answered = 0;
            int right = 0;
            for (Prediction p : predictions) {
                double top = calibrated(p, temperature)[0];
                if (top >= t) {
                    answered++;
                    right += p.correct() ? 1 : 0;
                }
            }
            byThreshold.put(t, new double[] {
                answered == 0 ? 0 : right / (double) answered,
                1 - answered / (double) predictions.size(),
                right / (double) predictions.size()
            });
        }
        return new Result(
                k, predictions.size(), accuracy, temperature, ece(predictions, temperature), byThreshold, predictions);
    }

    /** Probabilities of the ranked intents after the temperature, in the ranked order. */
    static double[] calibrated(Prediction p, double temperature) {
        double[] q = new double[p.ranked().size()];
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
            q[i] = Math.exp(Math.log(Math.max(p.ranked().get(i).probability(), 1e-12)) / temperature);
            sum += q[i];
        }
        for (int i = 0; i < q.length; i++) {
            q[i] /= sum;
        }
        return q;
    }

    static double fitTemperature(List<Prediction> predictions) {
        double best = 1;
        double bestNll = Double.MAX_VALUE;
        for (double t = 0.3; t <= 3.0001; t += 0.05) {
            double nll = 0;
            for (Prediction p : predictions) {
                double[] q = calibrated(p, t);
                for (int i = 0; i < q.length; i++) {
                    if (p.ranked().get(i).intent() == p.gold().intent()) {
                        nll -= Math.log(Math.max(q[i], 1e-12));
                    }
                }
            }
            if (nll < bestNll) {
                bestNll = nll;
                best = t;
            }
        }
        return Math.round(best * 100) / 100.0;
    }

    /** Expected calibration error of the top probability over 10 equal-width bins. */
    static double ece(List<Prediction> predictions, double temperature) {
        double[] conf = new double[10];
        double[] acc = new double[10];
        int[] n = new int[10];
        for (Prediction p : predictions) {
            double top = calibrated(p, temperature)[0];
            int b = Math.min(9, (int) (top * 10));
            conf[b] += top;
            acc[b] += p.correct() ? 1 : 0;
            n[b]++;
        }
        double e = 0;
        for (int b = 0; b < 10; b++) {
            if (n[b] > 0) {
                e += n[b] / (double) predictions.size() * Math.abs(acc[b] / n[b] - conf[b] / n[b]);
            }
        }
        return e;
    }

    /** Confusions by gold → predicted, for reading. */
    public static Map<String, Integer> confusions(List<Prediction> predictions) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Prediction p : predictions) {
            if (!p.correct()) {
                out.merge(
                        p.gold().role() + " " + p.gold().intent().wireName() + " -> "
                                + p.ranked().get(0).intent().wireName(),
                        1,
                        Integer::sum);
            }
        }
        return out;
    }
}
