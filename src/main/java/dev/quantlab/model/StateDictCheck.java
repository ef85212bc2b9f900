package dev.quantlab.model;

import dev.quantlab.core.UserFacingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compares a state dict with an architecture and explains every mismatch. */
public final class StateDictCheck {
    private StateDictCheck() { }

    /** Missing, unexpected and mis-shaped tensor descriptions; empty when the dict fits. */
    public static List<String> problems(VggArchitecture arch, StateDict dict) {
        List<String> missing = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        Set<String> unexpected = new LinkedHashSet<>(dict.asMap().keySet());
        for (VggArchitecture.TensorSpec spec : arch.tensors()) {
            unexpected.remove(spec.name());
            if (!dict.contains(spec.name())) {
                missing.add(spec.name());
                continue;
            }
            long[] got = dict.get(spec.name()).shape();
            boolean scalarOk = spec.kind() == VggArchitecture.Kind.BN_COUNT && Shapes.numel(got) == 1;
            if (!Arrays.equals(got, spec.shape()) && !scalarOk) {
                misShaped.add(spec.name() + " is " + Arrays.toString(got) + ", expected " + Arrays.toString(spec.shape()));
            }
        }
        List<String> out = new ArrayList<>();
        if (!missing.isEmpty()) {
            out.add("missing tensors (" + missing.size() + "): " + summarize(missing));
        }
        if (!unexpected.isEmpty()) {
            out.add("unexpected tensors (" + unexpected.size() + "): " + summarize(new ArrayList<>(unexpected)));
        }
        if (!misShaped.isEmpty()) {
            out.add("mis-shaped tensors (" + misShaped.size() + "): " + summarize(misShaped));
        }
        return out;
    }

    public static void requireMatches(VggArchitecture arch, StateDict dict, String what) {
        List<String> p = problems(arch, dict);
        if (!p.isEmpty()) {
            throw new UserFacingException("The " + what + " do not fit the lesson's VGG: " + String.join("; ", p));
        }
    }

    private static String summarize(List<String> items) {
        int show = Math.min(items.size(), 12);
        String s = String.join(", ", items.subList(0, show));
        return items.size() > show ? s + ", ... (" + (items.size() - show) + " more)" : s;
    }
}
