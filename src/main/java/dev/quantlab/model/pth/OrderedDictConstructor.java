package dev.quantlab.model.pth;

import dev.quantlab.core.pickle.SafeUnpickler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;

/** Builds {@code collections.OrderedDict} as an insertion-ordered map. */
final class OrderedDictConstructor implements IObjectConstructor {

    @Override
    public Object construct(Object[] args) {
        Map<Object, Object> dict = new LinkedHashMap<>();
        if (args.length == 0) {
            return dict;
        }
        if (args.length == 1 && args[0] instanceof Map) {
            dict.putAll((Map<?, ?>) args[0]);
            return dict;
        }
        if (args.length == 1 && (args[0] instanceof List || args[0] instanceof Object[])) {
            for (Object pair : PickleValues.toTuple(args[0], "an OrderedDict item list")) {
                Object[] kv = PickleValues.toTuple(pair, "an OrderedDict item");
                if (kv.length != 2) {
                    throw CheckpointException.damaged("an OrderedDict item has " + kv.length + " parts, not 2");
                }
                SafeUnpickler.requireHashable(kv[0]);
                dict.put(kv[0], kv[1]);
            }
            return dict;
        }
        throw CheckpointException.damaged("OrderedDict was called with " + args.length + " unexpected arguments");
    }
}
