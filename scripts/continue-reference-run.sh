#!/usr/bin/env bash
# Continues training the reference VGG in the background and, when training ends, exports the model to
# models/vgg-cifar10.safetensors, runs scripts/finish-reference-model.sh (log, plot, sha256) and then
# scripts/measure-shipped-model.sh (the results table). After training has ended, running it again only
# re-exports and resumes the measurements.
# Resumes from ~/.quantlab/checkpoints/reference/last.safetensors, or, on a machine that lacks it, from the
# committed compact checkpoint models/checkpoints/reference-last.safetensors. Runs from a copy of the jar in
# ~/.quantlab/bin, so that rebuilding target/ cannot disturb it. Log: ~/.quantlab/checkpoints/reference/train.out
# Before a working session ends, save the state with scripts/save-training-state.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
HOME_DIR=${QUANTLAB_HOME:-$HOME/.quantlab}
RUN=$HOME_DIR/checkpoints/reference
BIN=$HOME_DIR/bin
DATA=${QUANTLAB_DATA:-$(cd ../shared/data && pwd)}
if pgrep -f "quantlab.jar train" > /dev/null; then
    echo "a training run is already going: see $RUN/train.out" >&2
    exit 1
fi
if pgrep -f "measure-shipped-model.sh" > /dev/null; then
    echo "the measurements are already running: see $RUN/train.out and docs/results/" >&2
    exit 1
fi
[ -f target/quantlab.jar ] || mvn -B -q package -DskipTests
mkdir -p "$BIN" "$RUN"
rm -rf "$BIN/lib"
cp -r target/quantlab.jar target/lib "$BIN/"
if [ ! -f "$RUN/last.safetensors" ]; then
    cp models/checkpoints/reference-last.safetensors "$RUN/last.safetensors"
    echo "starting from the committed compact checkpoint"
fi
[ -f "$RUN/train.out" ] && mv "$RUN/train.out" "$RUN/train.out.$(date +%Y%m%d-%H%M%S)"
nohup sh -c "java -Xmx6g -jar '$BIN/quantlab.jar' train --data '$DATA' --out '$RUN' --resume --log-every 20 \
      --export '$PWD/models/vgg-cifar10.safetensors' \
    && QUANTLAB_JAR='$BIN/quantlab.jar' '$PWD/scripts/finish-reference-model.sh' \
    && QUANTLAB_JAR='$BIN/quantlab.jar' QUANTLAB_DATA='$DATA' '$PWD/scripts/measure-shipped-model.sh'" \
    > "$RUN/train.out" 2>&1 &
sleep 2
renice -n -5 -p "$(pgrep -f 'quantlab.jar train' | head -1)" > /dev/null 2>&1 || true
echo "training in the background: tail -f $RUN/train.out"
