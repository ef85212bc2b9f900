#!/usr/bin/env bash
# Before a working session ends: copies the reference run's latest state into the repository (a compact fp16
# checkpoint without momentum at one fixed path, and the per-epoch log), ready to commit.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${QUANTLAB_HOME:-$HOME/.quantlab}/checkpoints/reference
java -jar target/quantlab.jar compact-checkpoint "$RUN/last.safetensors" models/checkpoints/reference-last.safetensors
cp "$RUN/train-log.csv" models/vgg-cifar10-train-log.csv
echo "saved; last epochs:"
tail -n 3 models/vgg-cifar10-train-log.csv
