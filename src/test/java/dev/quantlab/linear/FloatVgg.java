package dev.quantlab.linear;

import dev.quantlab.model.VggArchitecture;

/** A float forward pass of a {@link FoldedVgg} on NHWC arrays, reporting activation ranges (test-only). */
final class FloatVgg {
    private FloatVgg() { }

    /** Logits {@code n x classes}; observes {@code <layer>.input/.output} as the reference model does. */
    static float[] forward(FoldedVgg m, byte[] images, int n, RangeObserver observer) {
        int size = 32;
        int c = 3;
        float[] x = new float[n * size * size * 3];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < size * size; p++) {
                for (int ch = 0; ch < 3; ch++) {
                    x[(i * size * size + p) * 3 + ch] = (images[i * 3072 + ch * 1024 + p] & 0xFF) / 255f;
                }
            }
        }
        int conv = 0;
        for (VggArchitecture.Stage s : m.stages()) {
            if (s.isPool()) {
                x = pool(x, n, size, c, true);
                size /= 2;
                continue;
            }
            String layer = ActivationRanges.convLayer(conv);
            observer.observe(ActivationRanges.inputPoint(layer), x);
            FoldedConv f = m.convs().get(conv++);
            x = convRelu(x, n, size, f);
            c = f.outChannels();
            observer.observe(ActivationRanges.outputPoint(layer), x);
        }
        x = pool(x, n, size, c, false);
        observer.observe(ActivationRanges.inputPoint(ActivationRanges.CLASSIFIER), x);
        int k = m.numClasses();
        float[] logits = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < k; o++) {
                float s = 0;
                for (int j = 0; j < c; j++) {
                    s += x[i * c + j] * m.classifierWeight()[o * c + j];
                }
                logits[i * k + o] = s + m.classifierBias()[o];
            }
        }
        observer.observe(ActivationRanges.outputPoint(ActivationRanges.CLASSIFIER), logits);
        return logits;
    }

    private static float[] convRelu(float[] x, int n, int size, FoldedConv f) {
        int ic = f.inChannels();
        int oc = f.outChannels();
        float[] y = new float[n * size * size * oc];
        for (int i = 0; i < n; i++) {
            for (int yy = 0; yy < size; yy++) {
                for (int xx = 0; xx < size; xx++) {
                    for (int o = 0; o < oc; o++) {
                        float s = f.bias()[o];
                        for (int ky = 0; ky < 3; ky++) {
                            int iy = yy + ky - 1;
                            if (iy < 0 || iy >= size) {
                                continue;
                            }
                            for (int kx = 0; kx < 3; kx++) {
                                int ix = xx + kx - 1;
                                if (ix < 0 || ix >= size) {
                                    continue;
                                }
                                int base = ((i * size + iy) * size + ix) * ic;
                                for (int c = 0; c < ic; c++) {
                                    s += x[base + c] * f.weight()[((o * ic + c) * 3 + ky) * 3 + kx];
                                }
                            }
                        }
                        y[((i * size + yy) * size + xx) * oc + o] = Math.max(0, s);
                    }
                }
            }
        }
        return y;
    }

    private static float[] pool(float[] x, int n, int size, int c, boolean max) {
        int h = size / 2;
        float[] y = new float[n * h * h * c];
        for (int i = 0; i < n; i++) {
            for (int yy = 0; yy < h; yy++) {
                for (int xx = 0; xx < h; xx++) {
                    for (int ch = 0; ch < c; ch++) {
                        float a = x[((i * size + 2 * yy) * size + 2 * xx) * c + ch];
                        float b = x[((i * size + 2 * yy) * size + 2 * xx + 1) * c + ch];
                        float d = x[((i * size + 2 * yy + 1) * size + 2 * xx) * c + ch];
                        float e = x[((i * size + 2 * yy + 1) * size + 2 * xx + 1) * c + ch];
                        y[((i * h + yy) * h + xx) * c + ch] = max ? Math.max(Math.max(a, b), Math.max(d, e))
                                : (a + b + d + e) / 4;
                    }
                }
            }
        }
        return y;
    }
}
