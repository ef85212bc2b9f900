package dev.quantlab.app.jobs;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Computes values for keys in the background with "latest request wins": while one computation runs, further
 * requests only replace the pending key, so a slider dragged over eight positions costs at most two
 * computations. Results are cached per key; a cached key is delivered at once on the calling thread. Only the
 * result for the most recent request is delivered. No JavaFX dependency: the UI passes its own delivery
 * executor ({@code Platform::runLater}).
 *
 * @param <K> request key (with equals/hashCode)
 * @param <V> computed value
 */
public final class LatestRequestLoader<K, V> {
    /** Where results and failures go (called on the delivery executor, only for the latest request). */
    public interface Listener<K, V> {
        void loaded(K key, V value);

        void failed(K key, Throwable error);
    }

    private final Function<K, V> compute;
    private final Executor worker;
    private final Executor delivery;
    private final Listener<K, V> listener;
    private final Map<K, V> cache = new ConcurrentHashMap<>();
    private final java.util.Set<K> failed = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private K latest;
    private boolean running;
    private volatile boolean closed;

    public LatestRequestLoader(Function<K, V> compute, Executor worker, Executor delivery, Listener<K, V> listener) {
        this.compute = compute;
        this.worker = worker;
        this.delivery = delivery;
        this.listener = listener;
    }

    /** Asks for {@code key}: delivered now if cached, else computed after the running computation (if any). */
    public void request(K key) {
        Objects.requireNonNull(key);
        failed.remove(key); // asking again retries a failed key
        V cached = cache.get(key);
        synchronized (lock) {
            latest = key;
            if (cached == null && !running) {
                running = true;
                worker.execute(this::drain);
            }
        }
        if (cached != null) {
            listener.loaded(key, cached);
        }
    }

    /** Whether {@code key} has been computed. */
    public Optional<V> cached(K key) {
        return Optional.ofNullable(cache.get(key));
    }

    /** Stops delivering; a running computation finishes but its result is dropped. */
    public void close() {
        closed = true;
    }

    private void drain() {
        while (true) {
            K key;
            synchronized (lock) {
                key = latest;
                if (closed || key == null || cache.containsKey(key) || failed.contains(key)) {
                    running = false;
                    return;
                }
            }
            try {
                V value = compute.apply(key);
                cache.put(key, value);
                deliver(key, () -> listener.loaded(key, value));
            } catch (RuntimeException | Error e) {
                failed.add(key); // not retried in this loop
                deliver(key, () -> listener.failed(key, e));
            }
        }
    }

    private void deliver(K key, Runnable call) {
        delivery.execute(() -> {
            boolean current;
            synchronized (lock) {
                current = !closed && key.equals(latest);
            }
            if (current) {
                call.run();
            }
        });
    }
}
