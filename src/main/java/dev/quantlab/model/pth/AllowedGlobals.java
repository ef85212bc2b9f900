package dev.quantlab.model.pth;

import java.util.Map;
import java.util.Optional;
import net.razorvine.pickle.IObjectConstructor;

/**
 * The only Python globals a weights file may name, as PyTorch's {@code weights_only} loading
 * does: ordered dicts, the tensor and parameter rebuild functions, storage classes and
 * {@code torch.device}. Anything else is refused by name, so a hostile checkpoint cannot
 * smuggle in references to code such as {@code os.system}.
 */
final class AllowedGlobals {
    private static final Map<String, IObjectConstructor> FUNCTIONS = Map.of(
            "collections.OrderedDict", new OrderedDictConstructor(),
            "torch._utils._rebuild_tensor_v2", RebuildTensor.v2(),
            "torch._utils._rebuild_tensor", RebuildTensor.v1(),
            "torch._utils._rebuild_parameter", new RebuildParameter(),
            "torch._utils._rebuild_parameter_with_state", new RebuildParameter(),
            "torch.device", AllowedGlobals::device);

    private AllowedGlobals() { }

    /** torch.device('cpu') or torch.device('cuda', 0): a device name, optionally an index; never printed whole. */
    private static Object device(Object[] args) {
        boolean named = args.length >= 1 && args.length <= 2 && args[0] instanceof String;
        boolean indexed = args.length < 2 || args[1] == null || args[1] instanceof Integer || args[1] instanceof Long;
        if (!named || !indexed) {
            throw CheckpointException.damaged("torch.device is called with unexpected arguments (a device name "
                    + "and an optional index are expected)");
        }
        String name = (String) args[0];
        return "device(" + (name.length() > 40 ? name.substring(0, 40) : name)
                + (args.length == 2 && args[1] != null ? ", " + args[1] : "") + ")";
    }

    /**
     * What a GLOBAL opcode for {@code module.name} pushes: a constructor for the allowed
     * functions, a {@link StorageType} for storage classes.
     *
     * @throws CheckpointException refusing any other name
     */
    static Object resolve(String module, String name) {
        String full = module + "." + name;
        IObjectConstructor f = FUNCTIONS.get(full);
        if (f != null) {
            return f;
        }
        if ("torch".equals(module) && name.endsWith("Storage")) {
            Optional<StorageType> type = StorageType.forClassName(name);
            if (type.isPresent()) {
                return type.get();
            }
            throw CheckpointException.damaged("it holds tensors of type '" + full
                    + "', which QuantLab cannot read");
        }
        throw refusal(full);
    }

    /** The refusal for a global that is not on the list. */
    static CheckpointException refusal(String fullName) {
        String printable = fullName.replaceAll("[^\\x20-\\x7e]", "?");
        String shown = printable.length() > 120 ? printable.substring(0, 120) + "..." : printable;
        return CheckpointException.refused("it references the Python global '" + shown
                + "', which is not allowed in a weights file (only tensors and plain containers are)");
    }
}
