package dev.quantlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.UserFacingException;
import dev.quantlab.testing.Cifar10;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the dataset folder from a data root, from the folder itself, and explaining a missing one. */
class DataLocatorTest {
    @TempDir
    Path tmp;

    @Tag(Cifar10.TAG)
    @Test
    void findsTheBinaryFolderUnderTheRoot() {
        DataLocator.Location loc = DataLocator.locate(Cifar10.root());
        assertEquals(Cifar10.binFolder(), loc.folder());
        assertEquals(DataLocator.Format.BINARY, loc.format());
    }

    @Tag(Cifar10.TAG)
    @Test
    void acceptsTheBinaryFolderItself() {
        DataLocator.Location loc = DataLocator.locate(Cifar10.binFolder());
        assertEquals(Cifar10.binFolder(), loc.folder());
        assertEquals(DataLocator.Format.BINARY, loc.format());
    }

    @Test
    void findsThePythonFolder() throws IOException {
        Files.createDirectories(tmp.resolve(CifarPythonReader.FOLDER));
        DataLocator.Location loc = DataLocator.locate(tmp);
        assertEquals(tmp.resolve(CifarPythonReader.FOLDER), loc.folder());
        assertEquals(DataLocator.Format.PYTHON, loc.format());
    }

    @Test
    void missingDataExplainsHowToDownloadIt() {
        UserFacingException e = assertThrows(UserFacingException.class, () -> DataLocator.locate(tmp));
        assertTrue(e.getMessage().contains("download"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp.toAbsolutePath().toString()), e.getMessage());
        assertNull(DataLocator.find(tmp));
    }

    @Test
    void explicitRootWins() {
        assertEquals(Path.of("/some/where"), DataLocator.defaultRoot("/some/where"));
    }

    @Tag(Cifar10.TAG)
    @Test
    void readingFallsBackToTheFolderBesideTheCheckoutOnlyWhenNothingElseIsSetUp() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home-data"));
        Path beside = Cifar10.root();
        assertEquals(beside, DataLocator.readRoot(null, null, home, beside));
        assertEquals(Path.of("/env/data"), DataLocator.readRoot(null, "/env/data", home, beside));
        assertEquals(Path.of("/cli/data"), DataLocator.readRoot("/cli/data", "/env/data", home, beside));
        assertEquals(home, DataLocator.readRoot(null, "", home, tmp.resolve("nothing-here")));
        Files.createDirectories(home.resolve(CifarBinaryReader.FOLDER));
        assertEquals(home, DataLocator.readRoot(null, null, home, beside), "data under ~/.quantlab wins");
    }

    @Tag(Cifar10.TAG)
    @Test
    void datasetReadsTheSharedTestSplitFromTheRoot() {
        assertEquals(10_000, CifarDataset.test(Cifar10.root()).size());
    }
}
