package dev.quantlab.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.QuantLabApp;
import dev.quantlab.app.services.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTrip() {
        SettingsStore store = new SettingsStore(dir.resolve("sub/gui-settings.json"));
        assertEquals(WindowSettings.DEFAULT, store.load());
        WindowSettings s = new WindowSettings(1000, 700, 10, 20, false, "kmeans");
        assertNull(store.save(s));
        assertEquals(s, store.load());
    }

    @Test
    void aDamagedFileGivesDefaultsAndTinySizesAreRaised() throws Exception {
        Path f = dir.resolve("gui-settings.json");
        Files.writeString(f, "{not json");
        assertEquals(WindowSettings.DEFAULT, new SettingsStore(f).load());
        Files.writeString(f, "{\"width\": 10, \"height\": 5, \"lastTab\": \"baseline\"}");
        WindowSettings s = new SettingsStore(f).load();
        assertEquals(WindowSettings.MIN_WIDTH, s.width());
        assertEquals(WindowSettings.MIN_HEIGHT, s.height());
        assertEquals("baseline", s.lastTab());
        // hand-edited values of the wrong kind fall back to the defaults instead of stopping the app
        Files.writeString(f, "{\"width\": \"wide\", \"height\": 700, \"maximized\": \"perhaps\", \"lastTab\": \"kmeans\"}");
        WindowSettings edited = new SettingsStore(f).load();
        assertEquals(WindowSettings.DEFAULT.width(), edited.width());
        Files.writeString(f, "{\"width\": 900, \"x\": [1, 2], \"language\": {\"a\": 1}}");
        assertEquals(900, new SettingsStore(f).load().width());
    }

    @Test
    void anOldFileWithoutALanguageFollowsTheSystemLocale() throws Exception {
        Path f = dir.resolve("gui-settings.json");
        Files.writeString(f, "{\"width\": 1000.0, \"height\": 700.0, \"maximized\": false, \"lastTab\": \"kmeans\"}");
        WindowSettings s = new SettingsStore(f).load();
        assertEquals("", s.language());
        assertTrue(s.locale().isEmpty());
        assertEquals("kmeans", s.lastTab());
        AppConfig zhSystem = new AppConfig(dir.resolve("m"), dir.resolve("d"), f, Locale.forLanguageTag("zh-TW"));
        AppConfig deSystem = new AppConfig(dir.resolve("m"), dir.resolve("d"), f, Locale.GERMANY);
        assertEquals(Locale.TRADITIONAL_CHINESE, QuantLabApp.startLanguage(s, zhSystem));
        assertEquals(Locale.ENGLISH, QuantLabApp.startLanguage(s, deSystem));
        assertEquals(Locale.ENGLISH, QuantLabApp.startLanguage(s.withLanguage("en"), zhSystem));
        assertEquals(Locale.TRADITIONAL_CHINESE, QuantLabApp.startLanguage(s.withLanguage("zh-TW"), deSystem));
    }

    @Test
    void theChosenLanguageIsSavedAndOnlyWhenChosen() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("gui-settings.json"));
        assertNull(store.save(WindowSettings.DEFAULT));
        assertFalse(Files.readString(store.file()).contains("language"));
        WindowSettings zh = WindowSettings.DEFAULT.withLastTab("baseline").withLanguage("zh-TW");
        assertNull(store.save(zh));
        assertEquals(zh, store.load());
        assertEquals(Locale.TRADITIONAL_CHINESE, store.load().locale().orElseThrow());
    }

    @Test
    void theDefaultStoreLivesInTheQuantLabHome() {
        assertEquals(Path.of(System.getProperty("quantlab.home")).resolve("gui-settings.json"),
                SettingsStore.inHome().file());
    }
}
