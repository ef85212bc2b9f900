package dev.quantlab.model.pth;

import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads PyTorch checkpoints written by {@code torch.save} (zip format and the legacy pre-1.6
 * format) into a {@link StateDict}: ordered names to float tensors, int64 counters such as
 * {@code num_batches_tracked} kept as {@link TensorData.DType#I64}.
 *
 * <p>A checkpoint is treated as untrusted, like PyTorch's {@code weights_only=True}: only the
 * Python globals a weights file needs are accepted and any other is refused by name; every
 * declared size is checked against the bytes really in the file before memory is allocated.
 * All problems surface as a {@link UserFacingException} naming the file.
 */
public final class PthImporter {
    /** Slack on the element budget for tiny files. */
    private static final long BUDGET_SLACK = 1 << 20;

    private PthImporter() { }

    /**
     * The state dict in {@code file}: a bare (Ordered)Dict of tensors, or the {@code state_dict}
     * ({@code model_state_dict}, {@code model}) entry of a checkpoint dict; a {@code module.}
     * prefix on every name is removed.
     *
     * @throws UserFacingException if the file is missing, damaged, not a checkpoint or refused
     */
    public static StateDict importStateDict(Path file) {
        try {
            return read(file);
        } catch (CheckpointException e) {
            throw new UserFacingException(e.userMessage(file), e);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("cannot load " + file + ": the file does not exist", e);
        } catch (IOException e) {
            throw new UserFacingException("cannot load " + file + ": reading it failed (" + e.getMessage() + ")", e);
        } catch (UncheckedIOException e) {
            throw new UserFacingException("cannot load " + file + ": reading it failed ("
                    + e.getCause().getMessage() + ")", e);
        } catch (UserFacingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserFacingException("cannot load " + file + ": it could not be read as a PyTorch checkpoint ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (StackOverflowError e) {
            throw new UserFacingException("cannot load " + file + ": its pickled data is nested too deeply", e);
        }
    }

    private static StateDict read(Path file) throws IOException {
        long fileSize = Files.size(file);
        long budget = fileSize + BUDGET_SLACK;
        Map<String, TensorData> tensors;
        if (CheckpointFormat.detect(file) == CheckpointFormat.ZIP) {
            try (ZipCheckpoint zip = ZipCheckpoint.open(file, fileSize)) {
                Map<String, TensorRef> refs = StateDictLocator.locate(zip.unpickle());
                tensors = TensorMaterializer.materialize(refs, zip, budget);
            }
        } else {
            try (LegacyCheckpoint legacy = LegacyCheckpoint.open(file, fileSize)) {
                Map<String, TensorRef> refs = StateDictLocator.locate(legacy.unpickle());
                tensors = TensorMaterializer.materialize(refs, legacy, budget);
            }
        }
        StateDict dict = new StateDict();
        tensors.forEach(dict::put);
        return dict;
    }
}
