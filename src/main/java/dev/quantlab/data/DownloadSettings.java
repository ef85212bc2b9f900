package dev.quantlab.data;

import java.time.Duration;

/**
 * Timing of a download: how long to wait for the server's answer, how long a connection may deliver no data
 * before it counts as dropped, how long to wait before resuming after a drop, and how many attempts one
 * download makes (a new attempt is made only when the previous one received data).
 */
record DownloadSettings(Duration connectTimeout, Duration responseTimeout, Duration stallTimeout,
        Duration retryDelay, int maxAttempts) {

    static final DownloadSettings DEFAULT = new DownloadSettings(Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(60), Duration.ofSeconds(2), 3);

    DownloadSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
