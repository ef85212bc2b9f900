package dev.quantlab.app.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.i18n.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text key the Linear and Integer tabs (and the services they share) use exists in both languages: in each
 * language's own files, so that a key missing from the translation does not pass on the English fallback.
 */
class LinearIntegerTextsTest {
    private static final Pattern KEY = Pattern.compile("\"((?:linear|integer)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
    private static final List<String> DYNAMIC = List.of("integer.requant.float_multiplier",
            "integer.requant.fixed_point", "integer.granularity.per_channel", "integer.granularity.per_tensor",
            "integer.step.window", "integer.step.products", "integer.step.zeroPointTerm", "integer.step.bias",
            "integer.step.shiftedBias", "integer.step.accumulator", "integer.step.multiplier", "integer.step.scaled",
            "integer.step.zeroPoint", "integer.step.rounded", "integer.step.clamped", "integer.step.output",
            "integer.onnx.int8", "integer.onnx.fp32", "linear.method.min_max", "linear.method.percentile",
            "linear.method.mse", "linear.method.entropy", "integer.why.isa.vnni", "integer.why.isa.avx2",
            "integer.why.isa.none");

    @Test
    void everyKeyInTheSourcesHasATextInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>(DYNAMIC);
        for (String pkg : List.of("linear", "integer", "services", "common")) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/quantlab/app", pkg))) {
                for (Path f : files.toList()) {
                    Matcher m = KEY.matcher(Files.readString(f));
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        for (String engine : List.of("fp32_libtorch", "int8_quantlab", "int8_ort", "fp32_ort")) {
            keys.add("integer.engine." + engine);
            keys.add("integer.engine." + engine + ".short");
        }
        for (String column : List.of("engine", "speed", "ratio", "batch100", "batch1", "accuracy")) {
            keys.add("integer.engines.col." + column);
            keys.add("integer.engines.col." + column + ".tip");
        }
        for (String column : List.of("layer", "wMin", "wMax", "wMean", "inRange", "sIn", "zIn", "outRange", "sOut",
                "zOut")) {
            keys.add("linear.scales." + column + ".tip");
        }
        for (String column : List.of("model", "lessonMib", "storedMib", "accuracy", "drop", "images")) {
            keys.add("linear.runs." + column + ".tip");
        }
        assertTrue(keys.size() > 100, "found " + keys.size() + " keys");
        for (String suffix : List.of("", "_zh_TW")) {
            Properties texts = texts(suffix);
            List<String> missing = keys.stream().filter(k -> !texts.containsKey(k)).distinct().toList();
            assertTrue(missing.isEmpty(), "i18n/*" + suffix + ".properties: missing " + missing);
        }
    }

    /** The texts of one language's own files, {@code i18n/<area><suffix>.properties}, without fallback. */
    private static Properties texts(String suffix) throws IOException {
        Properties all = new Properties();
        for (String area : Texts.AREAS) {
            try (InputStream in = LinearIntegerTextsTest.class.getResourceAsStream(
                    "/i18n/" + area + suffix + ".properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    all.putAll(p);
                }
            }
        }
        assertTrue(all.size() > 100, "texts found for '" + suffix + "': " + all.size());
        return all;
    }
}
