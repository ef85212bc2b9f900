#!/usr/bin/env bash
# When the reference run has ended (models/vgg-cifar10.safetensors exported): copies its per-epoch log beside the
# model, plots the training curve and records the model's sha256 and training wall time in
# docs/results/model.txt, for models/MODEL_CARD.md. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${QUANTLAB_HOME:-$HOME/.quantlab}/checkpoints/reference
JAR=${QUANTLAB_JAR:-target/quantlab.jar}
MODEL=models/vgg-cifar10.safetensors
[ -f "$MODEL" ] || { echo "no $MODEL yet: the reference run has not ended (see $RUN/train.out)" >&2; exit 1; }
[ -f "$RUN/train-log.csv" ] && cp "$RUN/train-log.csv" models/vgg-cifar10-train-log.csv
java -jar "$JAR" plot-training models/vgg-cifar10-train-log.csv models/vgg-cifar10-training.png
mkdir -p docs/results
{
    echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) scripts/finish-reference-model.sh"
    echo "sha256 $(sha256sum "$MODEL" | cut -d' ' -f1)  $MODEL"
    echo "bytes $(stat -c %s "$MODEL")"
    # the log's last row holds the cumulative training wall time (column wall_s)
    awk -F, 'NR==1 { for (i = 1; i <= NF; i++) if ($i == "wall_s") c = i; next }
             { last = $0; n++ } END { split(last, f, ","); printf "epochs %d, training wall time %.0f s (%.1f h)\n", n, f[c], f[c] / 3600 }' \
        models/vgg-cifar10-train-log.csv
} > docs/results/model.txt
cat docs/results/model.txt
