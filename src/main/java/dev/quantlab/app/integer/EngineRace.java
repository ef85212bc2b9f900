package dev.quantlab.app.integer;

import ai.djl.ndarray.NDManager;
import dev.quantlab.app.jobs.StagedProgress;
import dev.quantlab.app.jobs.Work;
import dev.quantlab.app.services.Calibration;
import dev.quantlab.app.services.DatasetService;
import dev.quantlab.app.services.IntegerModels;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.onnx.EngineBenchmark;
import dev.quantlab.onnx.Fp32OnnxExporter;
import dev.quantlab.onnx.OnnxExport;
import dev.quantlab.onnx.OrtModel;
import java.nio.file.Path;
import java.util.List;

/**
 * The engines run as background work, through the pipeline's {@link EngineBenchmark} (the code behind
 * {@code bench int8}): calibrate (or reuse the calibration), build the integer model, export it and the
 * BN-folded fp32 model to ONNX, then run the four {@link EngineKind}s on the same test images.
 */
public final class EngineRace {
    /** What to run: the integer model's options, the test subset and how many images are timed one at a time. */
    public record Request(StateDict weights, Path dataRoot, IntegerVggConfig config, int calibrationImages,
                   TestSubset subset, int latencyImages) { }

    /** What one run measured, with the integer model's options. */
    public record Outcome(Request request, EngineBenchmark.Report report) {
        /** The result of {@code kind}. */
        public EngineBenchmark.EngineResult result(EngineKind kind) {
            return report.engines().stream().filter(e -> e.engine().equals(kind.name())).findFirst().orElseThrow();
        }

        /** QuantLab's int8 logits against ONNX Runtime's. */
        public EngineBenchmark.Agreement agreement() {
            return report.agreements().get(0);
        }
    }

    private EngineRace() { }

    static Work<Outcome> work(IntegerModels models, DatasetService data, Request r) {
        return (progress, cancel) -> {
            StagedProgress stages = new StagedProgress(progress, 3);
            Calibration c = models.calibrate(r.weights(), r.dataRoot(), r.calibrationImages(),
                    stages.stage(0, "calibration"), cancel);
            IntegerVgg model = models.build(c, r.config());
            var prepare = stages.stage(1, "ONNX");
            CifarSplit test = data.testSplit(prepare, cancel);
            int threads = Runtime.getRuntime().availableProcessors();
            prepare.onProgress(0, 2, "exporting and loading the int8 model");
            try (NDManager manager = NDManager.newBaseManager();
                 VggNet net = VggNet.fromStateDict(manager, r.weights());
                 OrtModel int8 = OrtModel.load(OnnxExport.int8(model), threads);
                 OrtModel fp32 = OrtModel.load(Fp32OnnxExporter.folded(c.folded()), threads)) {
                prepare.onProgress(2, 2, "ready");
                List<EngineBenchmark.Engine> engines = List.of(
                        EngineBenchmark.djl(EngineKind.FP32_LIBTORCH.name(), manager, Evaluator.of(net)),
                        EngineBenchmark.quantLab(EngineKind.INT8_QUANTLAB.name(), model),
                        EngineBenchmark.ortInt8(EngineKind.INT8_ORT.name(), int8),
                        EngineBenchmark.ortFloat(EngineKind.FP32_ORT.name(), fp32));
                int[] indices = test.balancedIndices(r.subset().limit());
                return new Outcome(r, EngineBenchmark.run(engines, test, indices, r.latencyImages(),
                        stages.stage(2, "engines"), cancel));
            }
        };
    }
}
