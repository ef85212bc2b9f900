package dev.quantlab.linear;

import dev.quantlab.model.VggArchitecture;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Speed of the integer kernels on random data shaped like the lesson's VGG (not a unit test: run its main
 * from the test classpath). Prints GMAC/s per conv layer (wall and calling-thread CPU time) and the
 * whole-model throughput.
 */
public final class KernelBenchmark {
    private KernelBenchmark() { }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Random rnd = new Random(42);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int[][] layers = {{3, 64, 32}, {64, 128, 32}, {128, 256, 16}, {256, 256, 16}, {256, 512, 8},
            {512, 512, 8}, {512, 512, 4}, {512, 512, 4}};
        for (int batch : new int[] {1, 8}) {
            for (int[] l : layers) {
                ConvGeometry g = ConvGeometry.vgg(l[0], l[1]);
                QuantizedConv2d conv = RandomModels.conv(rnd, g, 8, 8, -128, -128, RequantMode.FIXED_POINT);
                Int8Activations x = new Int8Activations(RandomModels.bytes(rnd, batch * l[2] * l[2] * l[0],
                        QuantRange.ofBits(8)), batch, l[2], l[2], l[0]);
                double macs = (double) batch * l[2] * l[2] * g.depth() * g.outChannels();
                KernelRunner seq = KernelRunner.sequential();
                int reps = (int) Math.max(3, 2e9 / macs / 4);
                for (int i = 0; i < reps; i++) {
                    conv.forward(x, seq);
                }
                long cpu = mx.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    conv.forward(x, seq);
                }
                double cpuS = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
                double wallS = (System.nanoTime() - wall) / 1e9;
                KernelRunner par = KernelRunner.parallel(threads);
                long wall2 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    conv.forward(x, par);
                }
                double wall2S = (System.nanoTime() - wall2) / 1e9;
                System.out.printf("N=%d conv %3d->%3d @%2d: 1 thread %.2f GMAC/s (cpu %.2f), %d threads %.2f GMAC/s%n",
                        batch, l[0], l[1], l[2], macs * reps / wallS / 1e9, macs * reps / cpuS / 1e9, threads,
                        macs * reps / wall2S / 1e9);
            }
        }
        FoldedVgg folded = RandomModels.foldedVgg(rnd, VggArchitecture.cifarVgg().stages(), 10);
        Map<String, MinMax> r = new HashMap<>();
        for (int i = 0; i < folded.convs().size(); i++) {
            r.put(ActivationRanges.inputPoint(ActivationRanges.convLayer(i)), new MinMax(0, 4));
            r.put(ActivationRanges.outputPoint(ActivationRanges.convLayer(i)), new MinMax(0, 4));
        }
        r.put("classifier.input", new MinMax(0, 4));
        r.put("classifier.output", new MinMax(-10, 10));
        for (RequantMode mode : RequantMode.values()) {
            IntegerVgg model = IntegerVgg.build(folded, new ActivationRanges(r),
                    IntegerVggConfig.lesson().withRequantMode(mode)).withRunner(KernelRunner.parallel(threads));
            byte[] img = RandomModels.images(rnd, images);
            model.predict(img, Math.min(images, 16));
            long t = System.nanoTime();
            model.predict(img, images);
            double s = (System.nanoTime() - t) / 1e9;
            double macs = VggArchitecture.cifarVgg().macsPerImage() * (double) images;
            System.out.printf("IntegerVgg %s, %d threads: %d images in %.2f s = %.1f img/s, %.2f GMAC/s;"
                    + " 10,000 images in %.1f min%n", mode, threads, images, s, images / s, macs / s / 1e9,
                    10000 / (images / s) / 60);
        }
    }
}
