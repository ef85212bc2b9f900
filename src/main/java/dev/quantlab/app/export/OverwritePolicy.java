package dev.quantlab.app.export;

import java.nio.file.Path;
import java.util.List;

/**
 * Decides whether existing files may be replaced. Exports ask once per batch; the app asks the user
 * in a dialog, tests choose {@link #ALWAYS} or {@link #NEVER}.
 */
@FunctionalInterface
public interface OverwritePolicy {
    OverwritePolicy ALWAYS = existing -> true;
    OverwritePolicy NEVER = existing -> false;

    /** Whether all of {@code existing} (non-empty) may be overwritten. */
    boolean allowOverwrite(List<Path> existing);
}
