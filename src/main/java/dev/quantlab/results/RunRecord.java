package dev.quantlab.results;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished run the learner did: which method, at which bit-widths, how large the model is and how accurate
 * it was on how many test images. Build one with {@link #of} and the {@code with*} methods.
 *
 * @param method         how the model was made
 * @param weightBits     bits per weight (32 for fp32)
 * @param activationBits bits per activation, 0 when activations stay fp32
 * @param lessonMib      size by the lesson's rule (parameters x bits, codebooks and scales ignored)
 * @param storedMib      what storing it honestly takes (indices + codebooks / scales + unquantized tensors)
 * @param accuracy       top-1 accuracy in percent
 * @param testImages     test images the accuracy was measured on
 * @param timestamp      when the run finished
 * @param note           free text: settings worth keeping (rule, epochs, seed...), never null
 */
public record RunRecord(Method method, int weightBits, int activationBits, double lessonMib, double storedMib,
                        double accuracy, int testImages, Instant timestamp, String note) {

    /** How the note of a mixed-precision run starts (its widths follow). */
    public static final String MIXED_NOTE = "mixed precision: ";
    /** How a note says the activation-range method of a run, at its end (the method follows). */
    public static final String RANGES_NOTE = ", ranges ";

    public RunRecord {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(timestamp, "timestamp");
        note = note == null ? "" : note;
        if (weightBits < 1 || weightBits > 32 || activationBits < 0 || activationBits > 32) {
            throw new IllegalArgumentException("bits out of range: weights " + weightBits + ", activations "
                    + activationBits);
        }
        if (!(lessonMib >= 0 && lessonMib < Double.POSITIVE_INFINITY)
                || !(storedMib >= 0 && storedMib < Double.POSITIVE_INFINITY) || !(accuracy >= 0 && accuracy <= 100) || testImages < 0) {
            throw new IllegalArgumentException("invalid run: size " + lessonMib + "/" + storedMib + " MiB, accuracy "
                    + accuracy + "%, " + testImages + " images");
        }
    }

    /** A run that finished now, weights-only quantization, no note. */
    public static RunRecord of(Method method, int weightBits, double lessonMib, double storedMib, double accuracy,
                               int testImages) {
        return new RunRecord(method, weightBits, 0, lessonMib, storedMib, accuracy, testImages, Instant.now(), "");
    }

    /** A mixed-precision plan (a width per layer; {@code weightBits} is the largest), marked by its note. */
    public boolean isMixed() {
        return note.startsWith(MIXED_NOTE);
    }

    /**
     * How the activation ranges were taken ("MSE", "entropy", "percentile 99.99") when the note says so (a run not
     * calibrated by the lesson's min/max, {@link RunRecords#withActivationRanges}); empty otherwise.
     */
    public java.util.Optional<String> activationRanges() {
        int at = note.lastIndexOf(RANGES_NOTE);
        return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(note.substring(at + RANGES_NOTE.length()));
    }

    /** {@code r} marked as a mixed-precision plan with {@code widths} (e.g. "conv0=5 conv1=2 ... fc=5"). */
    public static RunRecord mixed(RunRecord r, String widths) {
        return r.withNote(MIXED_NOTE + widths + (r.note().isEmpty() ? "" : "; " + r.note()));
    }

    public RunRecord withActivationBits(int bits) {
        return new RunRecord(method, weightBits, bits, lessonMib, storedMib, accuracy, testImages, timestamp, note);
    }

    public RunRecord withNote(String text) {
        return new RunRecord(method, weightBits, activationBits, lessonMib, storedMib, accuracy, testImages, timestamp,
                text);
    }

    public RunRecord withTimestamp(Instant when) {
        return new RunRecord(method, weightBits, activationBits, lessonMib, storedMib, accuracy, testImages, when, note);
    }

    /** "W4" for weights only, "W8A8" with quantized activations, "fp32" for the float model. */
    public String bitsLabel() {
        if (method == Method.FP32) {
            return "fp32";
        }
        if (isMixed()) {
            return "mixed";
        }
        return activationBits > 0 ? "W" + weightBits + "A" + activationBits : "W" + weightBits;
    }
}
