package dev.quantlab.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every area's English bundle ({@code i18n/<area>.properties}) and its Traditional Chinese translation
 * ({@code <area>_zh_TW.properties}) have the same keys and use the same arguments; areas without any bundle yet are
 * skipped, an area with only one of the two fails.
 */
class TextsBundlesTest {
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)[^}]*}");


    @TestFactory
    Stream<DynamicTest> bothLanguagesHaveTheSameKeys() {
        return Texts.AREAS.stream().map(area -> DynamicTest.dynamicTest(area, () -> {
            Properties en = load("i18n/" + area + ".properties");
            Properties zh = load("i18n/" + area + "_zh_TW.properties");
            if (en == null && zh == null) {
                return; // an area without texts yet
            }
            if (en == null || zh == null) {
                fail(area + ": only " + (en == null ? area + "_zh_TW" : area) + ".properties exists; add the other");
            }
            Set<String> enKeys = new TreeSet<>(en.stringPropertyNames());
            Set<String> zhKeys = new TreeSet<>(zh.stringPropertyNames());
            Set<String> onlyEn = new TreeSet<>(enKeys);
            onlyEn.removeAll(zhKeys);
            Set<String> onlyZh = new TreeSet<>(zhKeys);
            onlyZh.removeAll(enKeys);
            assertTrue(onlyEn.isEmpty() && onlyZh.isEmpty(),
                    area + ": keys missing in zh_TW " + onlyEn + ", keys missing in English " + onlyZh);
            List<String> problems = new ArrayList<>();
            for (String key : enKeys) {
                if (!key.startsWith(area + ".") && !"messages".equals(area)) {
                    problems.add(key + ": key not prefixed with '" + area + ".'");
                }
                String e = en.getProperty(key);
                String z = zh.getProperty(key);
                if (z.isBlank() && !e.isBlank()) {
                    problems.add(key + ": empty translation");
                }
                if (!args(e).equals(args(z))) {
                    problems.add(key + ": arguments " + args(e) + " in English but " + args(z) + " in zh_TW");
                }
                for (String v : List.of(e, z)) {
                    if (!args(v).isEmpty()) {
                        try {
                            new MessageFormat(v, Locale.ROOT);
                        } catch (IllegalArgumentException ex) {
                            problems.add(key + ": not a valid MessageFormat pattern: " + v);
                        }
                    }
                }
            }
            assertTrue(problems.isEmpty(), area + ": " + String.join("; ", problems));
        }));
    }

    @Test
    void theAppsOwnAreasExistInBothLanguages() throws IOException {
        for (String area : List.of("app", "baseline", "kmeans")) {
            assertTrue(load("i18n/" + area + ".properties") != null, area);
            assertTrue(load("i18n/" + area + "_zh_TW.properties") != null, area + "_zh_TW");
        }
    }

    @Test
    void lookupFollowsTheLanguage() {
        Texts en = Texts.of(Locale.ENGLISH);
        assertEquals("Baseline", en.t("baseline.tab"));
        assertEquals("Model: a.pth", en.t("app.status.model.loaded", "a.pth"));
        Texts zh = Texts.of(Locale.TRADITIONAL_CHINESE);
        assertEquals("基準模型", zh.t("baseline.tab"));
        assertEquals("模型：a.pth", zh.t("app.status.model.loaded", "a.pth"));
        assertEquals(Locale.TRADITIONAL_CHINESE, Texts.of(Locale.forLanguageTag("zh-HK")).locale());
        assertEquals(Locale.ENGLISH, Texts.of(Locale.forLanguageTag("zh-CN")).locale());
        assertEquals("!no.such.key!", en.t("no.such.key"));
        // the Language follows a switch
        Language language = new Language(Locale.ENGLISH);
        language.use(Locale.forLanguageTag("zh-TW"));
        assertEquals("基準模型", language.t("baseline.tab"));
    }

    private static Set<String> args(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = TextsBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
