package dev.quantlab.app.integer;

import dev.quantlab.app.jobs.Work;
import dev.quantlab.app.services.Calibration;
import dev.quantlab.app.services.IntegerModels;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.model.StateDict;
import dev.quantlab.onnx.OnnxExport;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the Integer tab's models as ONNX files through the pipeline's {@link OnnxExport}, as background work. */
final class OnnxFiles {
    /** Which model to write. */
    enum Kind {
        /** The calibrated integer-only model with the tab's options (QLinearConv, or exact int64 ops). */
        INT8,
        /** The fp32 model with BatchNorm folded into the convs. */
        FP32
    }

    /** What to write where: for {@link Kind#INT8}, calibrated on {@code calibrationImages} training images. */
    record Request(Kind kind, StateDict weights, Path dataRoot, IntegerVggConfig config, int calibrationImages,
                   Path file) { }

    private OnnxFiles() { }

    /** Writes the file atomically; a failure leaves no partial file and is one clear message. */
    static Work<Path> work(IntegerModels models, Request r) {
        return (progress, cancel) -> {
            byte[] bytes;
            if (r.kind() == Kind.INT8) {
                Calibration c = models.calibrate(r.weights(), r.dataRoot(), r.calibrationImages(), progress, cancel);
                bytes = OnnxExport.int8(models.build(c, r.config()));
            } else {
                bytes = OnnxExport.fp32(r.weights(), true);
            }
            cancel.throwIfCancelled();
            try {
                OnnxExport.write(bytes, r.file());
            } catch (IOException e) {
                throw new UserFacingException("cannot write " + r.file() + ": " + e.getMessage(), e);
            }
            return r.file();
        };
    }
}
