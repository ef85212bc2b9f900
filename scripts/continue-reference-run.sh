#!/usr/bin/env bash
# Continues the reference run in the background. While models/vgg-cifar10.safetensors does not exist it resumes
# training from ~/.quantlab/checkpoints/reference/last.safetensors (or starts it), exports the model when the last
# epoch ends and runs scripts/finish-reference-model.sh (log, plot, sha256); then, and whenever the model already
# exists, it runs scripts/measure-shipped-model.sh (the results table; finished steps are skipped, QAT resumes
# from its checkpoints). Runs from a copy of the jar in ~/.quantlab/bin, so that rebuilding target/ cannot disturb
# it. Log: ~/.quantlab/checkpoints/reference/train.out
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
[ -f "$RUN/train.out" ] && mv "$RUN/train.out" "$RUN/train.out.$(date +%Y%m%d-%H%M%S)"
if [ -f models/vgg-cifar10.safetensors ]; then
    nohup env QUANTLAB_JAR="$BIN/quantlab.jar" QUANTLAB_DATA="$DATA" "$PWD/scripts/measure-shipped-model.sh" \
        > "$RUN/train.out" 2>&1 &
    echo "the reference model exists; measuring it in the background: tail -f $RUN/train.out"
    exit 0
fi
nohup sh -c "java -Xmx6g -jar '$BIN/quantlab.jar' train --data '$DATA' --out '$RUN' --resume --log-every 20 \
      --export '$PWD/models/vgg-cifar10.safetensors' \
    && QUANTLAB_JAR='$BIN/quantlab.jar' '$PWD/scripts/finish-reference-model.sh' \
    && QUANTLAB_JAR='$BIN/quantlab.jar' QUANTLAB_DATA='$DATA' '$PWD/scripts/measure-shipped-model.sh'" \
    > "$RUN/train.out" 2>&1 &
sleep 2
renice -n -5 -p "$(pgrep -f 'quantlab.jar train' | head -1)" > /dev/null 2>&1 || true
echo "training in the background: tail -f $RUN/train.out"
