package dev.quantlab;

/** System properties DJL reads once, set before the engine loads: offline, quiet, one thread per core. */
public final class EngineSettings {
    private EngineSettings() { }

    public static void applyDefaults() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.pytorch.jni.LibUtils", "error");
        // DJL looks for CUDA on every start and warns twice when there is none; the CPU is the expected case here
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
