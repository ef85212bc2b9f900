package dev.quantlab.core.pickle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;

/**
 * Coverage-guided fuzzing of the shared restricted unpickler (issue 14). Any byte string must either unpickle
 * or be rejected with a one-line {@link PickleRejectedException}: no other exception, no stack overflow, no
 * out-of-memory, no hang. Regression mode (plain {@code mvn test}) runs the committed corpus in
 * {@code src/test/resources/dev/quantlab/core/pickle/SafeUnpicklerFuzzTestInputs/unpickle/}; fuzzing mode:
 * {@code scripts/fuzz.sh SafeUnpicklerFuzzTest unpickle 10}.
 */
class SafeUnpicklerFuzzTest {
    /** A few globals resolve to harmless constructors so REDUCE, BUILD and their checks are reachable. */
    private static final Map<String, IObjectConstructor> GLOBALS = Map.of(
            "collections.OrderedDict", args -> new java.util.LinkedHashMap<>(),
            "torch.device", args -> "device",
            "numpy.dtype", args -> args.length);

    @FuzzTest(maxDuration = "24h")
    void unpickle(byte[] data) throws IOException {
        SafeUnpickler unpickler = SafeUnpickler.withGlobals((module, name) -> {
            IObjectConstructor c = GLOBALS.get(module + "." + name);
            if (c == null) {
                throw PickleRejectedException.refused("global " + module + "." + name);
            }
            return c;
        }).withBuild((target, state) -> { }).withPersistentIds(pid -> pid);
        try {
            unpickler.read(new ByteArrayInputStream(data), data.length);
        } catch (PickleRejectedException e) {
            FuzzInvariants.oneLine(e.getMessage());
        }
    }
}
