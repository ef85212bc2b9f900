package dev.quantlab.app.kmeans;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Computes layer previews on one worker with "the visible request always wins": a request for the (layer, bits)
 * on screen is computed before anything else, and only the latest one is delivered. Once a layer's preview is on
 * screen, its other bit-widths are clustered in the background, nearest width first, so a drag across the slider
 * finds them cached; changing the layer drops the old layer's background work. Each step on the worker computes
 * one preview and then schedules the next step, so a visible request waits at most for one clustering. Results
 * are cached per key; a cached key is delivered at once on the calling thread.
 */
final class PreviewScheduler {
    /** Where results and failures go (on the delivery executor, only for the latest visible request). */
    interface Listener {
        void loaded(LayerPreviews.Key key, LayerPreview value);

        void failed(LayerPreviews.Key key, Throwable error);
    }

    private final Function<LayerPreviews.Key, LayerPreview> compute;
    private final Executor worker;
    private final Executor delivery;
    private final Listener listener;
    private final int minBits;
    private final int maxBits;
    private final Map<LayerPreviews.Key, LayerPreview> cache = new ConcurrentHashMap<>();
    private final Set<LayerPreviews.Key> failed = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private final Deque<LayerPreviews.Key> background = new ArrayDeque<>();
    private LayerPreviews.Key wanted;
    private boolean scheduled;
    private boolean closed;

    /**
     * @param compute  computes one preview (on the worker)
     * @param worker   runs one step at a time (the app's single preview thread)
     * @param delivery where the listener is called ({@code Platform::runLater})
     * @param minBits  the smallest width clustered in the background
     * @param maxBits  the largest width clustered in the background
     */
    PreviewScheduler(Function<LayerPreviews.Key, LayerPreview> compute, Executor worker, Executor delivery,
                     Listener listener, int minBits, int maxBits) {
        this.compute = compute;
        this.worker = worker;
        this.delivery = delivery;
        this.listener = listener;
        this.minBits = minBits;
        this.maxBits = maxBits;
    }

    /** Asks for {@code key} on screen: delivered now if cached, else computed next. */
    void request(LayerPreviews.Key key) {
        Objects.requireNonNull(key);
        failed.remove(key); // asking again retries a failed key
        LayerPreview cached = cache.get(key);
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (wanted == null || !wanted.layer().equals(key.layer())) {
                background.clear(); // the old layer's widths are no longer wanted
            }
            wanted = key;
            if (cached != null) {
                queueOtherWidths(key);
            }
            scheduleLocked();
        }
        if (cached != null) {
            listener.loaded(key, cached);
        }
    }

    Optional<LayerPreview> cached(LayerPreviews.Key key) {
        return Optional.ofNullable(cache.get(key));
    }

    /** Stops: queued work is dropped, a running computation finishes but nothing more is delivered. */
    void close() {
        synchronized (lock) {
            closed = true;
            background.clear();
        }
    }

    /** The widths of {@code shown}'s layer not yet computed, nearest to the shown width first (upwards on a tie). */
    private void queueOtherWidths(LayerPreviews.Key shown) {
        background.clear();
        IntStream.rangeClosed(minBits, maxBits).boxed()
                .sorted(Comparator.comparingInt((Integer b) -> Math.abs(b - shown.bits())).thenComparing(b -> -b))
                .map(b -> new LayerPreviews.Key(shown.layer(), b))
                .filter(k -> !cache.containsKey(k) && !failed.contains(k))
                .forEach(background::add);
    }

    private void scheduleLocked() {
        if (!closed && !scheduled && (needsWanted() || !background.isEmpty())) {
            scheduled = true;
            try {
                worker.execute(this::step);
            } catch (RejectedExecutionException e) {
                closed = true; // the app is shutting its workers down
                scheduled = false;
            }
        }
    }

    private boolean needsWanted() {
        return wanted != null && !cache.containsKey(wanted) && !failed.contains(wanted);
    }

    /** One computation: the visible request if it is missing, else the next background width. */
    private void step() {
        LayerPreviews.Key next = null;
        synchronized (lock) {
            if (!closed && needsWanted()) {
                next = wanted;
            } else {
                while (!closed && next == null && !background.isEmpty()) {
                    LayerPreviews.Key k = background.poll();
                    next = cache.containsKey(k) || failed.contains(k) ? null : k;
                }
            }
            if (next == null) {
                scheduled = false;
                return;
            }
        }
        LayerPreviews.Key key = next;
        LayerPreview value = null;
        Throwable error = null;
        try {
            value = compute.apply(key);
            cache.put(key, value);
        } catch (RuntimeException | Error e) {
            failed.add(key);
            error = e;
        }
        boolean show;
        synchronized (lock) {
            // the key may have become the visible one while it was clustered in the background
            show = !closed && key.equals(wanted);
            if (show && error == null) {
                queueOtherWidths(key);
            }
            scheduled = false;
            scheduleLocked();
        }
        if (show) {
            LayerPreview v = value;
            Throwable e = error;
            deliver(key, e == null ? () -> listener.loaded(key, v) : () -> listener.failed(key, e));
        }
    }

    private void deliver(LayerPreviews.Key key, Runnable call) {
        delivery.execute(() -> {
            boolean current;
            synchronized (lock) {
                current = !closed && key.equals(wanted);
            }
            if (current) {
                call.run();
            }
        });
    }
}
