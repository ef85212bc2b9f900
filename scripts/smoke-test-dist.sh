#!/usr/bin/env bash
# Smoke test of the self-contained distribution (Linux, needs xvfb-run):
#  1. copies BUILD_DIR (quantlab.jar, lib/, models/) to a temp folder outside the checkout and, from another
#     working directory, runs `info`, `eval --limit 100` and the GUI's snapshot mode (every tab to PNG);
#  2. if BUILD_DIR/jpackage holds an app image and/or a .deb, runs the app image, and the .deb unpacked into a
#     temp root (dpkg-deb -x): info (the model beside its jar), eval --limit 100 and snapshot mode.
# Usage: scripts/smoke-test-dist.sh [BUILD_DIR] [DATA_DIR]   (DATA_DIR: CIFAR-10 for eval, default by the app's rule)
set -euo pipefail
cd "$(dirname "$0")/.."
build="$(cd "${1:-target}" && pwd)"
data="${2:-}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
data_args=()
[ -z "$data" ] || data_args=(--data "$data")
xvfb=(xvfb-run -a -s '-screen 0 1280x720x24')

expect_tabs() {  # every tab rendered: at least 6 PNGs, none empty
  local dir="$1" n
  n=$(find "$dir" -name '*.png' -size +1k | wc -l)
  [ "$n" -ge 6 ] || { echo "FAIL: only $n tab snapshots in $dir" >&2; ls -la "$dir" >&2; exit 1; }
  echo "ok   snapshot: $n PNGs in $dir"
}

mkdir -p "$tmp/copy" "$tmp/cwd"
cp -R "$build/quantlab.jar" "$build/lib" "$build/models" "$tmp/copy/"
cd "$tmp/cwd"
java -jar "$tmp/copy/quantlab.jar" info | tee "$tmp/info.txt"
grep -q "$tmp/copy/models/vgg-cifar10.safetensors" "$tmp/info.txt" \
  || { echo "FAIL: info does not name the model beside the copied jar" >&2; exit 1; }
java -jar "$tmp/copy/quantlab.jar" eval --limit 100 "${data_args[@]}"
"${xvfb[@]}" java -jar "$tmp/copy/quantlab.jar" gui --snapshot "$tmp/snap-copy"
expect_tabs "$tmp/snap-copy"

image="$build/jpackage/QuantLab"
if [ -x "$image/bin/QuantLab" ]; then
  cp -R "$image" "$tmp/image"
  "$tmp/image/bin/QuantLab" info | grep -q "$tmp/image/lib/app/models/vgg-cifar10.safetensors" \
    || { echo "FAIL: the app image does not find its model" >&2; exit 1; }
  "$tmp/image/bin/QuantLab" eval --limit 100 "${data_args[@]}"
  "${xvfb[@]}" "$tmp/image/bin/QuantLab" gui --snapshot "$tmp/snap-image"
  expect_tabs "$tmp/snap-image"
fi
for deb in "$build"/jpackage/*.deb; do
  [ -f "$deb" ] || continue
  mkdir -p "$tmp/root"
  dpkg-deb -x "$deb" "$tmp/root"
  launcher="$(find "$tmp/root" -path '*/bin/QuantLab' -type f | head -1)"
  [ -n "$launcher" ] || { echo "FAIL: no bin/QuantLab in $deb" >&2; exit 1; }
  "${xvfb[@]}" "$launcher" gui --snapshot "$tmp/snap-deb"
  expect_tabs "$tmp/snap-deb"
  "$launcher" info | grep -q "$tmp/root/.*/models/vgg-cifar10.safetensors" \
    || { echo "FAIL: the .deb's app does not find its model" >&2; exit 1; }
  "$launcher" eval --limit 100 "${data_args[@]}"
  echo "ok   deb: $deb ($(du -h "$deb" | cut -f1)) runs from $launcher"
done
echo "smoke test passed"
