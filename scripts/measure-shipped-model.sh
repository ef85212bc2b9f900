#!/usr/bin/env bash
# Measures the lesson's results table on the shipped model over the full CIFAR-10 test set, one command per
# step, each step's output kept in docs/results/<step>.txt (its first line is the command, its last "# exit 0").
# A step that already finished is skipped, so after an interruption run the script again: the QAT step resumes
# from its checkpoints (default ~/.quantlab/qat). About 5-6 CPU-hours on 2 cores, most of it 2-bit QAT.
# Every measured model is also recorded (--record) in models/vgg-cifar10-results.json (for another QUANTLAB_MODEL:
# <name>-results.json beside it), which the app's Compare tab draws for that model; scripts/results-table.sh prints the README's table from the logs.
#
#   scripts/measure-shipped-model.sh              # all steps, results in docs/results/
#   QUICK=1 scripts/measure-shipped-model.sh      # a few minutes on 200 images, results in target/quick-results/
#
# Environment: QUANTLAB_JAR (default target/quantlab.jar), QUANTLAB_MODEL (default: the shipped model),
# QUANTLAB_DATA (default ../shared/data), QAT_CHECKPOINTS, STEPS (names of the steps to run, default all).
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${QUANTLAB_JAR:-target/quantlab.jar}
export QUANTLAB_DATA=${QUANTLAB_DATA:-../shared/data}
if [ "${QUICK:-0}" = 1 ]; then
    OUT=target/quick-results
    RESULTS=target/quick-results/results.json
    QAT_DIR=${QAT_CHECKPOINTS:-target/quick-results/qat}
    EVAL=(--limit 200)
    BENCH=(--limit 100)
    QAT=(--epochs 1 --epoch-fraction 0.01)
else
    OUT=docs/results
    # kept beside the measured model as <name>-results.json, where the app's Compare tab finds it
    MODEL=${QUANTLAB_MODEL:-models/vgg-cifar10.safetensors}
    RESULTS=${MODEL%.*}-results.json
    QAT_DIR=${QAT_CHECKPOINTS:-${QUANTLAB_HOME:-$HOME/.quantlab}/qat}
    EVAL=()
    BENCH=(--limit 500)
    QAT=()
fi
mkdir -p "$OUT"
ALL="fp32 linear-int8 linear-int8-fixed-point linear-int8-per-tensor linear-w4a8 linear-w2a8 linear-4bit bench-int8 kmeans-bn kmeans-qat"
STEPS=${STEPS:-$ALL}

# step NAME ARGS...: runs quantlab ARGS, stdout to $OUT/NAME.txt, progress (stderr) to $OUT/NAME.err
step() {
    local name=$1
    shift
    case " $STEPS " in *" $name "*) ;; *) return 0 ;; esac
    local log="$OUT/$name.txt"
    if [ -f "$log" ] && [ "$(tail -n 1 "$log")" = "# exit 0" ]; then
        echo "== $name: done before, see $log"
        return 0
    fi
    echo "== $name: java -jar quantlab.jar $*"
    {
        echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) java -jar quantlab.jar $*"
        java -Xmx8g -jar "$JAR" "$@" 2>"$OUT/$name.err"
        echo "# exit $?"
    } > "$log.part"
    mv "$log.part" "$log"
    tail -n 3 "$log"
}

# cheap steps first, so that the int8 numbers are in after ~1 h; 2-bit QAT (hours) last.
# The k-means steps were measured when --seed defaulted to 0 (it is 42 since, like the app's), hence --seed 0.
step fp32 eval --per-class --record "$RESULTS" "${EVAL[@]}"
step linear-int8 linear --bits 8 --record "$RESULTS" "${EVAL[@]}"
step linear-int8-fixed-point linear --bits 8 --fixed-point --skip-fp32 --record "$RESULTS" "${EVAL[@]}"
step linear-int8-per-tensor linear --bits 8 --per-tensor --skip-fp32 --record "$RESULTS" "${EVAL[@]}"
step linear-w4a8 linear --bits 8 --weight-bits 4 --skip-fp32 --record "$RESULTS" "${EVAL[@]}"
step linear-w2a8 linear --bits 8 --weight-bits 2 --skip-fp32 --record "$RESULTS" "${EVAL[@]}"
step linear-4bit linear --bits 4 --skip-fp32 --record "$RESULTS" "${EVAL[@]}"
step bench-int8 bench int8 "${BENCH[@]}"
step kmeans-bn kmeans --seed 0 --bits 8,4,2 --bn-recalibrate 2048 --record "$RESULTS" "${EVAL[@]}"
step kmeans-qat kmeans --seed 0 --bits 8,4,2 --qat --checkpoint-dir "$QAT_DIR" --resume --record "$RESULTS" "${EVAL[@]}" "${QAT[@]}"
