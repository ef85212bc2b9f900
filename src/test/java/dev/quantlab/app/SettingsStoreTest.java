package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quantlab.app.settings.SettingsStore;
import dev.quantlab.app.settings.WindowSettings;
import java.nio.file.Files;
import java.nio.file.Path;
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
    }

    @Test
    void theDefaultStoreLivesInTheQuantLabHome() {
        assertEquals(Path.of(System.getProperty("quantlab.home")).resolve("gui-settings.json"),
                SettingsStore.inHome().file());
    }
}
