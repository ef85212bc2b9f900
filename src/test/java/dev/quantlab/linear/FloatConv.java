package dev.quantlab.linear;

/** Float reference conv 3x3, padding 1, stride 1 on one CHW image (test-only). */
final class FloatConv {
    private FloatConv() { }

    static float[] conv(float[] x, int ic, int size, float[] w, float[] b, int oc) {
        float[] y = new float[oc * size * size];
        for (int o = 0; o < oc; o++) {
            for (int yy = 0; yy < size; yy++) {
                for (int xx = 0; xx < size; xx++) {
                    double s = b[o];
                    for (int c = 0; c < ic; c++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int iy = yy + ky - 1;
                                int ix = xx + kx - 1;
                                if (iy >= 0 && iy < size && ix >= 0 && ix < size) {
                                    s += x[(c * size + iy) * size + ix] * w[((o * ic + c) * 3 + ky) * 3 + kx];
                                }
                            }
                        }
                    }
                    y[(o * size + yy) * size + xx] = (float) s;
                }
            }
        }
        return y;
    }
}
