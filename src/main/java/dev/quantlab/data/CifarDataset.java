package dev.quantlab.data;

import java.nio.file.Path;

/** Loads the train or test split from a located folder, whichever version it holds. */
public final class CifarDataset {
    private CifarDataset() { }

    public static CifarSplit test(Path root) {
        DataLocator.Location loc = DataLocator.locate(root);
        return loc.format() == DataLocator.Format.BINARY ? CifarBinaryReader.readTest(loc.folder())
                : CifarPythonReader.readTest(loc.folder());
    }

    public static CifarSplit train(Path root) {
        DataLocator.Location loc = DataLocator.locate(root);
        return loc.format() == DataLocator.Format.BINARY ? CifarBinaryReader.readTrain(loc.folder())
                : CifarPythonReader.readTrain(loc.folder());
    }
}
