package dev.quantlab.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.pipeline.ActivationCalibrator;
import dev.quantlab.linear.pipeline.LinearExperiment;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link Int8AgreementCheck}'s counts against a comparison of the two engines' logits written here. */
@Tag(Cifar10.TAG)
class Int8AgreementCheckTest {
    private static final int IMAGES = 30;

    @Test
    void countsMatchADirectComparisonAndTheFormulasExplainTheDifference() {
        Path bin = Cifar10.root().resolve(CifarBinaryReader.FOLDER);
        CifarSplit test = CifarBinaryReader.readTest(bin);
        IntegerVgg model;
        try (NDManager m = NDManager.newBaseManager()) {
            model = new LinearExperiment(new ActivationCalibrator.Settings(1, 64, 100, 0), CancellationToken.none())
                    .build(m, ModelFiles.load(Path.of(ModelFiles.SHIPPED)), CifarBinaryReader.readTrain(bin),
                            IntegerVggConfig.lesson(), ProgressListener.NONE).model();
        }
        int[] idx = test.balancedIndices(IMAGES);
        byte[] pixels = new byte[IMAGES * CifarSplit.IMAGE_BYTES];
        for (int i = 0; i < IMAGES; i++) {
            System.arraycopy(test.pixels(), idx[i] * CifarSplit.IMAGE_BYTES, pixels, i * CifarSplit.IMAGE_BYTES,
                    CifarSplit.IMAGE_BYTES);
        }
        int[][] quantLab = model.logits(pixels, IMAGES);
        int[][] ort;
        try (OrtModel o = OrtModel.load(OnnxExport.int8(model), 2)) {
            ort = o.int8Logits(pixels, IMAGES);
        }
        int identical = 0;
        int top1 = 0;
        int maxLsb = 0;
        int differing = 0;
        for (int i = 0; i < IMAGES; i++) {
            identical += Arrays.equals(quantLab[i], ort[i]) ? 1 : 0;
            int a = 0;
            int b = 0;
            for (int c = 0; c < 10; c++) {
                a = quantLab[i][c] > quantLab[i][a] ? c : a;
                b = ort[i][c] > ort[i][b] ? c : b;
                maxLsb = Math.max(maxLsb, Math.abs(quantLab[i][c] - ort[i][c]));
                differing += quantLab[i][c] != ort[i][c] ? 1 : 0;
            }
            top1 += a == b ? 1 : 0;
        }

        Int8Agreement r = Int8AgreementCheck.measure(model, test, idx, null, 2, CancellationToken.none());
        assertEquals(IMAGES, r.images());
        assertEquals(identical, r.identicalLogits());
        assertEquals(top1, r.sameTop1());
        assertEquals(maxLsb, r.maxLsb());
        assertEquals(differing, r.logitsDiffering());
        Int8Agreement.FormulaCheck lesson = formula(r, Int8OnnxExporter.Requant.LESSON_FLOAT);
        Int8Agreement.FormulaCheck roundFirst = formula(r, Int8OnnxExporter.Requant.ROUND_THEN_ZERO_POINT);
        assertEquals(IMAGES, lesson.sameAsQuantLab(), "the lesson's formula as ONNX ops is QuantLab's kernels");
        assertEquals(identical, lesson.sameAsQLinear());
        Int8Agreement.Cause expected = identical == IMAGES ? Int8Agreement.Cause.NONE
                : roundFirst.sameAsQLinear() == IMAGES ? Int8Agreement.Cause.ZERO_POINT_AFTER_ROUNDING
                : Int8Agreement.Cause.UNEXPLAINED;
        assertEquals(expected, r.cause());
        // the same QuantLab logits handed in give the same answer
        assertEquals(r, Int8AgreementCheck.measure(model, test, idx, quantLab, 2, CancellationToken.none()));
    }

    private static Int8Agreement.FormulaCheck formula(Int8Agreement r, Int8OnnxExporter.Requant requant) {
        return r.formulas().stream().filter(f -> f.requant() == requant).findFirst().orElseThrow();
    }
}
