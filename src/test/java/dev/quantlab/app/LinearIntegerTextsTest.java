package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every text key the Linear and Integer tabs use exists in both languages. */
class LinearIntegerTextsTest {
    private static final Pattern KEY = Pattern.compile("\"((?:linear|integer)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
    private static final List<String> DYNAMIC = List.of("integer.requant.float_multiplier",
            "integer.requant.fixed_point", "integer.granularity.per_channel", "integer.granularity.per_tensor",
            "integer.step.window", "integer.step.products", "integer.step.zeroPointTerm", "integer.step.bias",
            "integer.step.shiftedBias", "integer.step.accumulator", "integer.step.multiplier", "integer.step.scaled",
            "integer.step.zeroPoint", "integer.step.rounded", "integer.step.clamped", "integer.step.output");

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void everyKeyInTheSourcesHasATextInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>(DYNAMIC);
        for (String pkg : List.of("linear", "integer")) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/quantlab/app", pkg))) {
                for (Path f : files.toList()) {
                    Matcher m = KEY.matcher(Files.readString(f));
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(keys.size() > 100, "found " + keys.size() + " keys");
        for (Locale l : I18n.SUPPORTED) {
            I18n.setLocale(l);
            List<String> missing = keys.stream().filter(k -> !I18n.has(k)).distinct().toList();
            assertTrue(missing.isEmpty(), l + ": missing " + missing);
        }
    }
}
