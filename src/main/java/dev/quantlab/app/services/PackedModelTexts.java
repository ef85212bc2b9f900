package dev.quantlab.app.services;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.kmeans.PackedModelInfo;
import dev.quantlab.model.ModelSize;
import dev.quantlab.results.RunRecords;

/** A packed k-means file said in the window's language: what model it is, and its size on disk. */
public final class PackedModelTexts {
    private PackedModelTexts() { }

    /** "2-bit k-means", "2-bit k-means + QAT", "mixed-precision k-means (conv0=5 conv1=2 ...)". */
    public static String kind(Language language, PackedModelInfo info) {
        String kind = RunRecords.isMixed(info.plan())
                ? language.t("app.model.packed.mixed", info.plan().describe().replaceFirst("^mixed ", ""))
                : language.t("app.model.packed.uniform", Integer.toString(info.maxBits()));
        return info.fineTuned() ? language.t("app.model.packed.qat", kind) : kind;
    }

    /** "2.25 MiB": the file's size on disk. */
    public static String diskMib(PackedModelInfo info) {
        return ModelSize.formatMib((double) info.bytesOnDisk() / ModelSize.MIB);
    }
}
