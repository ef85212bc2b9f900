package dev.quantlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VggArchitectureTest {
    private final VggArchitecture arch = VggArchitecture.cifarVgg();

    @Test
    void parameterCountMatchesTheLesson() {
        assertEquals(9_228_362, arch.parameterCount());
        long conv = arch.tensors().stream().filter(s -> s.kind() == VggArchitecture.Kind.CONV_WEIGHT)
                .mapToLong(VggArchitecture.TensorSpec::numel).sum();
        assertEquals(9_217_728, conv);
    }

    @Test
    void sizeAt32BitsIs35_20MiB() {
        assertEquals("35.20 MiB", ModelSize.formatMib(ModelSize.mib(arch.parameterCount(), 32)));
        assertEquals("8.80 MiB", ModelSize.formatMib(ModelSize.mib(arch.parameterCount(), 8)));
    }

    @Test
    void namesFollowTheReferenceModel() {
        assertEquals("backbone.conv0.weight", arch.tensors().get(0).name());
        assertEquals("backbone.bn0.num_batches_tracked", arch.tensors().get(5).name());
        assertEquals("classifier.bias", arch.tensors().get(arch.tensors().size() - 1).name());
        assertEquals(8, arch.convCount());
        assertEquals(9, arch.weightMatrices().size());
        assertEquals(8 * 6 + 2, arch.tensors().size());
    }

    @Test
    void aboutSixHundredMillionMacsPerImage() {
        assertEquals(606, Math.round(arch.macsPerImage() / 1e6));
    }
}
