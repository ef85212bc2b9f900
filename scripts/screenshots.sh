#!/usr/bin/env bash
# The README's screenshots: every tab at 1280x720 (a laptop) and 1920x1080, in English and Traditional Chinese,
# from a fresh state (no saved settings or runs), each tab after a short real job (--run-jobs) so that its charts
# are filled. Writes docs/screenshots/<tab>-<size>-<lang>.png. Needs xvfb-run, a packaged build and CIFAR-10;
# takes several minutes per set on 2 cores (a few QAT steps in each).
# Usage: scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]   (defaults: target, docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-target}/quantlab.jar"
out="${2:-docs/screenshots}"
[ -f "$jar" ] || { echo "error: $jar not found: run ./mvnw -B -q package -DskipTests first" >&2; exit 1; }
for size in 1280x720 1920x1080; do
  for lang in en zh-TW; do
    xvfb-run -a -s "-screen 0 ${size}x24" java -jar "$jar" gui --snapshot "$out" --size "$size" --lang "$lang" \
      --run-jobs
  done
done
ls -l "$out"
