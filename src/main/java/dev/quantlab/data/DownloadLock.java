package dev.quantlab.data;

import dev.quantlab.core.FolderLock;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Path;

/** The lock on a download folder, so two downloads (two windows, or the app and the CLI) never share a file. */
final class DownloadLock {
    static final String FILE = FolderLock.FILE;

    private DownloadLock() { }

    /** @throws UserFacingException when another download holds the folder, or it cannot be locked */
    static FolderLock acquire(Path folder) {
        try {
            return FolderLock.tryAcquire(folder).orElseThrow(() -> new UserFacingException("Another download into "
                    + folder.getParent() + " is running. Wait for it to finish (or stop it) and run the download "
                    + "again."));
        } catch (IOException e) {
            throw new UserFacingException("Cannot lock " + folder.resolve(FILE) + " ("
                    + ResumableDownload.describe(e) + ")", e);
        }
    }
}
