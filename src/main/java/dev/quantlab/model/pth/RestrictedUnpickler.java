package dev.quantlab.model.pth;

import dev.quantlab.core.pickle.PickleRejectedException;
import dev.quantlab.core.pickle.SafeUnpickler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The shared {@link SafeUnpickler} configured for a weights file: globals only from {@link AllowedGlobals},
 * storages through the caller's persistent-id resolver, and {@code BUILD} accepted only to set (ignored)
 * attributes such as an OrderedDict's {@code _metadata}. Rejections become {@link CheckpointException}s.
 */
final class RestrictedUnpickler {

    /** Resolves the persistent ids PyTorch writes for storages. */
    @FunctionalInterface
    interface PersistentIds {
        StorageRef load(Object pid);
    }

    private final CountingInput source;
    private final SafeUnpickler unpickler;

    /**
     * @param source        the pickle's bytes, followed by anything (it reads up to STOP only)
     * @param persistentIds how to resolve storages, or null if the pickle must hold none
     */
    RestrictedUnpickler(CountingInput source, PersistentIds persistentIds) {
        this.source = source;
        SafeUnpickler u = SafeUnpickler.withGlobals(AllowedGlobals::resolve).withBuild(RestrictedUnpickler::build);
        this.unpickler = persistentIds == null ? u : u.withPersistentIds(persistentIds::load);
    }

    /** Reads one pickle; every failure becomes a {@link CheckpointException}. */
    Object read() {
        try {
            return unpickler.read(source, source.remaining());
        } catch (PickleRejectedException e) {
            throw e.kind() == PickleRejectedException.Kind.REFUSED
                    ? CheckpointException.refused(e.getMessage())
                    : CheckpointException.damaged(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BUILD sets an object's state; for weights only dict attributes and tensor state occur. */
    private static void build(Object target, Object state) {
        if (!(target instanceof Map) && !(target instanceof TensorRef)) {
            throw CheckpointException.damaged("its pickle sets the state of " + PickleValues.describe(target)
                    + ", which a weights file never does");
        }
    }
}
