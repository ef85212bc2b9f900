#!/usr/bin/env bash
# Prints the README's results table (markdown) from the logs that scripts/measure-shipped-model.sh keeps, one row
# per measured model, each with the command that gives it. Steps that have not finished are left out.
#
#   scripts/results-table.sh                      # from docs/results
#   scripts/results-table.sh target/quick-results
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-docs/results}
[ -d "$DIR" ] || { echo "no measurement logs in $DIR: run scripts/measure-shipped-model.sh first" >&2; exit 1; }

# done NAME: true when step NAME finished (its log ends with "# exit 0")
done_step() { [ -f "$DIR/$1.txt" ] && [ "$(tail -n 1 "$DIR/$1.txt")" = "# exit 0" ]; }
# cmd NAME: the command a step ran, from the first line of its log (without --record, which only keeps a copy)
# (k-means logs recorded before --seed defaulted to 42 ran with seed 0: the command shows it)
cmd() { head -n 1 "$DIR/$1.txt" | sed -e 's/^# [^ ]* java -jar quantlab.jar /quantlab /' -e 's/ --record [^ ]*//' \
    -e "s|$HOME/|~/|g" -e '/ --seed /!s/^quantlab kmeans /quantlab kmeans --seed 0 /'; }
# value NAME REGEX: the first capture of REGEX (sed -E) in a step's log
value() { sed -nE "s/$2/\1/p" "$DIR/$1.txt" | head -n 1; }
# last NAME REGEX: the same for the last match (the quantized model's line comes after the fp32 ones)
last() { sed -nE "s/$2/\1/p" "$DIR/$1.txt" | tail -n 1; }

echo "| model | size (lesson's rule) | size as stored | top-1 accuracy | command |"
echo "|---|---|---|---|---|"
if done_step fp32; then
    echo "| fp32 | $(value fp32 '^fp32 model has size=(.*)$') | | $(value fp32 '^fp32 model has accuracy=(.*)$') | \`$(cmd fp32)\` |"
fi
if done_step linear-int8; then
    echo "| fp32, BatchNorm folded into the convs | | | $(value linear-int8 '^BN-folded fp32 model has accuracy=(.*)$') | \`$(cmd linear-int8)\` |"
fi
# the final table of the kmeans command: bits, lesson size, honest size, before, after BN re-estimation, after QAT, ...
# A QAT log that was stopped (by Ctrl-C or the end of a session) also counts: the command then prints its table
# with the stopped plan's best accuracy so far marked "*", and a resumed run replaces the log when it finishes.
kmeans_rows() {
    local step=$1 column=$2 label=$3 skip=${4:-}
    if [ "$label" = "after QAT" ]; then
        [ -f "$DIR/$step.txt" ] || return 0
    else
        done_step "$step" || return 0
    fi
    awk -v col="$column" -v label="$label" -v skip="$skip" -v cmd="$(cmd "$step")" '
        /^k-means quantizing model into [0-9]+ bits/ { bits = $5 }
        /^Epoch [0-9]+ Accuracy/ { epochs[bits]++ }
        /^[0-9]+-bit +[0-9.]+ MiB +[0-9.]+ MiB/ {
            split($1, b, "-"); acc = $(col)
            if (b[1] == skip) next
            if (acc == "-") {
                if (label != "after QAT") next
                acc = "(no QAT needed: drop within the threshold)"
            } else if (label == "after QAT") {
                stopped = sub(/\*$/, "", acc)
                acc = acc " (" epochs[b[1]] " epoch" (epochs[b[1]] == 1 ? "" : "s") ", " $NF " s" \
                    (stopped ? "; stopped there, resumable with --resume" : "") ")"
            }
            printf "| k-means %s, %s | %s MiB | %s MiB | %s | `%s` |\n", $1, label, $2, $4, acc, cmd
        }' "$DIR/$step.txt"
}
kmeans_rows kmeans-bn 6 "no QAT"
kmeans_rows kmeans-bn 7 "BatchNorm re-estimated"
# the 2-bit QAT run to its end, when measured on its own (kmeans-qat-2bit), replaces the 2-bit row of kmeans-qat
if done_step kmeans-qat-2bit; then
    kmeans_rows kmeans-qat 8 "after QAT" 2
    kmeans_rows kmeans-qat-2bit 8 "after QAT"
else
    kmeans_rows kmeans-qat 8 "after QAT"
fi
linear_row() {
    local step=$1 label=$2
    done_step "$step" || return 0
    echo "| $label | $(value "$step" '^[a-z0-9]+ model has size=([0-9.]+ MiB).*$') | $(value "$step" '^integer weights and int32 biases as stored: (.*)$') | $(last "$step" '^[a-z0-9]+ model has accuracy=(.*)$') | \`$(cmd "$step")\` |"
}
linear_row linear-int8 "int8 integer-only (per-channel weights, float multiplier)"
linear_row linear-int8-fixed-point "int8 integer-only, fixed-point multiplier"
linear_row linear-int8-per-tensor "int8 integer-only, per-tensor weights"
linear_row linear-w4a8 "4-bit weights, 8-bit activations"
linear_row linear-w2a8 "2-bit weights, 8-bit activations"
linear_row linear-4bit "4-bit weights and activations"
# the best activation ranges at W4A4, from the calibration table on all 10,000 images (same sizes as the row above)
if [ -f "$DIR/linear-calibration-table-10000.txt" ] && done_step linear-4bit; then
    echo "| 4-bit weights and activations, MSE-clipped activation ranges (2 calibration batches) | $(value linear-4bit '^[a-z0-9]+ model has size=([0-9.]+ MiB).*$') | $(value linear-4bit '^integer weights and int32 biases as stored: (.*)$') | $(value linear-calibration-table-10000 '^W4A4 MSE-optimal clipping: accuracy=([0-9.]+%) on 10000 .*$') | \`$(head -n 1 "$DIR/linear-calibration-table-10000.txt")\` (its W4A4 MSE cell) |"
fi
echo
for step in linear-int8 linear-int8-fixed-point; do
    if done_step "$step" && [ -n "$(value "$step" '^[a-z0-9]+ model (ran .*)$')" ]; then
        echo "- \`$(cmd "$step")\`: $(value "$step" '^[a-z0-9]+ model (ran .*)$')"
    fi
done
if done_step bench-int8; then
    echo "- \`$(cmd bench-int8)\` ($(value bench-int8 '^images: (.*)$')):"
    echo
    sed -nE 's/^(engine .*|fp32 .*|int8 [A-Za-z0-9 ,-]+ +[0-9.]+ .*)$/        \1/p' "$DIR/bench-int8.txt"
fi
