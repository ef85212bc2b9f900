package dev.quantlab.data;

import java.util.List;

/** The ten CIFAR-10 class names, in label order. */
public final class CifarClasses {
    public static final List<String> NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    private CifarClasses() { }
}
