package dev.quantlab.cli;

import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.data.DataLocator;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}, shared by commands that read CIFAR-10. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR",
            description = "CIFAR-10 folder (holding cifar-10-batches-bin/ or cifar-10-batches-py/, or one of them). "
                    + "Default: $QUANTLAB_DATA, else ~/.quantlab/data, else ../shared/data if only that holds CIFAR-10.")
    String data;

    /** Where to read CIFAR-10 from ({@link DataLocator#readRoot}). */
    public Path root() {
        return DataLocator.readRoot(data);
    }

    /** Where {@code download} puts CIFAR-10 ({@link DataLocator#defaultRoot}: never the read-only shared copy). */
    public Path downloadRoot() {
        return DataLocator.defaultRoot(data);
    }

    public CifarSplit test() {
        return CifarDataset.test(root());
    }

    public CifarSplit train() {
        return CifarDataset.train(root());
    }
}
