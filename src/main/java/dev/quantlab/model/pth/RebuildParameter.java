package dev.quantlab.model.pth;

import net.razorvine.pickle.IObjectConstructor;

/**
 * {@code torch._utils._rebuild_parameter(data, requires_grad, hooks)} and
 * {@code _rebuild_parameter_with_state(data, requires_grad, hooks, state)}: a parameter is its tensor.
 */
final class RebuildParameter implements IObjectConstructor {

    @Override
    public Object construct(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof TensorRef)) {
            throw CheckpointException.damaged("_rebuild_parameter got "
                    + (args.length == 0 ? "no arguments" : PickleValues.describe(args[0])) + " instead of a tensor");
        }
        return args[0];
    }
}
