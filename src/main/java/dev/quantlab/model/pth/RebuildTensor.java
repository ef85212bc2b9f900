package dev.quantlab.model.pth;

import net.razorvine.pickle.IObjectConstructor;

/**
 * {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])}
 * and the older {@code _rebuild_tensor(storage, offset, size, stride)}: records a {@link TensorRef};
 * the data is read later. Gradient flags, hooks and metadata do not matter for weights.
 */
final class RebuildTensor implements IObjectConstructor {
    private final String name;
    private final int minArgs;
    private final int maxArgs;

    private RebuildTensor(String name, int minArgs, int maxArgs) {
        this.name = name;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** {@code _rebuild_tensor_v2}: 6 arguments, 7 with metadata. */
    static RebuildTensor v2() {
        return new RebuildTensor("_rebuild_tensor_v2", 6, 7);
    }

    /** The old 4-argument {@code _rebuild_tensor}. */
    static RebuildTensor v1() {
        return new RebuildTensor("_rebuild_tensor", 4, 4);
    }

    @Override
    public Object construct(Object[] args) {
        if (args.length < minArgs || args.length > maxArgs) {
            throw CheckpointException.damaged(name + " was called with " + args.length + " arguments");
        }
        if (!(args[0] instanceof StorageRef)) {
            throw CheckpointException.damaged(name + " got " + PickleValues.describe(args[0])
                    + " instead of a storage");
        }
        long offset = PickleValues.toLong(args[1], "a tensor's storage offset");
        long[] size = PickleValues.toLongs(args[2], "a tensor's size");
        long[] stride = PickleValues.toLongs(args[3], "a tensor's stride");
        if (size.length != stride.length) {
            throw CheckpointException.damaged("a tensor has " + size.length + " sizes but " + stride.length
                    + " strides");
        }
        return new TensorRef((StorageRef) args[0], offset, size, stride);
    }
}
