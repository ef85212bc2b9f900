package dev.quantlab.results;

import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.Init;
import dev.quantlab.kmeans.PackedModelInfo;
import dev.quantlab.kmeans.SizeReport;
import dev.quantlab.kmeans.qat.QatConfig;
import dev.quantlab.kmeans.qat.QatResult;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.pipeline.ActivationCalibrator;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.VggArchitecture;
import java.util.Locale;

/** The stored form of each kind of finished run, the same whether the app or the command line measured it. */
public final class RunRecords {
    private RunRecords() { }

    /** The fp32 model: 32 bits per weight, stored as its parameters at 32 bits. */
    public static RunRecord fp32(double accuracy, int testImages) {
        double mib = ModelSize.mib(VggArchitecture.cifarVgg().parameterCount(), 32);
        return RunRecord.of(Method.FP32, 32, mib, mib, accuracy, testImages);
    }

    /**
     * An evaluation of the model loaded from the file {@code modelFileName} ({@code packed}: what the file is when it
     * is a packed k-means file, else null): a packed file's run as the k-means model it is ({@link #packed}), any
     * other an fp32 run whose note names the file (none when the name is null). The app's Baseline and K-Means tabs
     * both record their fp32 measurement this way, so the same model on the same images is recorded once.
     */
    public static RunRecord evaluation(String modelFileName, PackedModelInfo packed, double accuracy, int testImages) {
        if (packed != null) {
            return packed(packed, String.valueOf(modelFileName), accuracy, testImages);
        }
        RunRecord run = fp32(accuracy, testImages);
        return modelFileName == null ? run : run.withNote("model=" + modelFileName);
    }

    /**
     * A packed k-means file evaluated as it is: k-means, or k-means + QAT when the file says QAT made it, at its
     * own sizes, marked as mixed precision when its layers' widths differ; the note names the file.
     */
    public static RunRecord packed(PackedModelInfo info, String fileName, double accuracy, int testImages) {
        RunRecord rec = RunRecord.of(info.fineTuned() ? Method.KMEANS_QAT : Method.KMEANS, info.maxBits(),
                info.size().lessonMib(), info.size().honestMib(), accuracy, testImages)
                .withNote("packed file=" + fileName);
        return withPlan(rec, info.plan());
    }

    /**
     * K-means quantization followed by QAT when the accuracy drop called for it: the best accuracy reached,
     * recorded as {@link Method#KMEANS_QAT} if fine-tuning ran and as {@link Method#KMEANS} if it was not needed.
     */
    public static RunRecord qat(QatResult r, QatConfig c, int testImages) {
        SizeReport size = r.quantized().sizeReport();
        int epochs = r.epochAccuracies().size();
        String note = String.format(Locale.ROOT, "rule=%s, epochs=%d, fraction=%s, batch=%d, threshold=%.2f, "
                        + "before=%.2f%%, seed=%d%s", c.rule().name().toLowerCase(Locale.ROOT), epochs,
                c.epochFraction(), c.batchSize(), c.threshold(), r.accuracyBefore(), c.seed(),
                r.trained() ? "" : ", no QAT needed")
                + (r.stopped() ? ", " + new StoppedRun(epochs, c.epochs()).mark() : "");
        return RunRecord.of(r.trained() ? Method.KMEANS_QAT : Method.KMEANS, r.maxBits(), size.lessonMib(),
                size.honestMib(), r.bestAccuracy(), testImages).withNote(note);
    }

    /**
     * Whether {@code plan} sets single layers to different widths (a mixed-precision plan, as {@code kmeans --budget}
     * and the K-Means tab's size budget choose); a conv/FC plan such as Deep Compression's is not.
     */
    public static boolean isMixed(BitWidthPlan plan) {
        return plan != null && !plan.overrides().isEmpty() && !plan.isUniform(VggArchitecture.cifarVgg());
    }

    /** {@code rec}, marked as mixed precision with {@code plan}'s widths when the plan is mixed ({@link #isMixed}). */
    public static RunRecord withPlan(RunRecord rec, BitWidthPlan plan) {
        return isMixed(plan) ? RunRecord.mixed(rec, plan.describe().replaceFirst("^mixed ", "")) : rec;
    }

    /** K-means quantization alone (no fine-tuning), with the clustering's initialisation and seed as the note. */
    public static RunRecord kmeans(int bits, double lessonMib, double honestMib, double accuracy, int testImages,
            Init init, long seed) {
        return RunRecord.of(Method.KMEANS, bits, lessonMib, honestMib, accuracy, testImages)
                .withNote("init=" + init.name().toLowerCase(Locale.ROOT) + ", seed=" + seed);
    }

    /** K-means quantization, then BatchNorm statistics re-estimated on {@code images} training images. */
    public static RunRecord kmeansWithBnReestimation(QatResult r, int images, int testImages) {
        SizeReport size = r.quantized().sizeReport();
        return RunRecord.of(Method.KMEANS_BN, r.maxBits(), size.lessonMib(), size.honestMib(),
                r.accuracyAfterBnRecalibration(), testImages)
                .withNote("BatchNorm re-estimated on " + images + " training images");
    }

    /**
     * {@code rec} with how its activation ranges were taken in the note ("ranges MSE"), unless they are the lesson's
     * min/max: runs that differ only in their calibration method are then told apart.
     */
    public static RunRecord withActivationRanges(RunRecord rec, String ranges) {
        return ActivationCalibrator.LESSON_RANGES.equals(ranges) ? rec : rec.withNote(rec.note() + RunRecord.RANGES_NOTE + ranges);
    }

    /**
     * A linearly quantized model run on integers only ({@link Method#INTEGER}) or measured in the Linear tab
     * ({@link Method#LINEAR}), with its options, calibration and speed as the note.
     */
    public static RunRecord integer(Method method, IntegerVggConfig config, int calibrationImages, double lessonMib,
            double storedMib, double accuracy, int testImages, double imagesPerSecond) {
        String note = String.format(Locale.ROOT, "%s, %s, calibration %d images, %.1f img/s",
                config.granularity().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                config.requantMode().name().toLowerCase(Locale.ROOT).replace('_', '-'), calibrationImages,
                imagesPerSecond);
        return RunRecord.of(method, config.weightBits(), lessonMib, storedMib, accuracy, testImages)
                .withActivationBits(config.activationBits()).withNote(note);
    }
}
