#!/usr/bin/env bash
# Builds the distribution for each platform profile into its own build folder and checks that lib/ holds
# exactly that platform's natives: the libtorch jar (pytorch-native-cpu-2.7.1-<classifier>.jar) and the five
# JavaFX jars with that platform's classifier, and no other platform's. ONNX Runtime is one jar for all.
# Usage: scripts/check-platform-libs.sh [BUILD_ROOT] [PLATFORM...]   (default: all four, into target-platforms/)
# Extra Maven flags (e.g. -o) via MVN_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."
root="${1:-target-platforms}"
shift || true
platforms=("$@")
[ ${#platforms[@]} -gt 0 ] || platforms=(linux-x86_64 linux-aarch64 mac-aarch64 win-x86_64)
mvn_cmd=./mvnw
[ -x "$mvn_cmd" ] || mvn_cmd=mvn

torch_of() { case "$1" in mac-aarch64) echo osx-aarch64 ;; *) echo "$1" ;; esac; }
fx_of() { case "$1" in linux-x86_64) echo linux ;; win-x86_64) echo win ;; *) echo "$1" ;; esac; }
all_torch=(linux-x86_64 linux-aarch64 osx-aarch64 win-x86_64)
all_fx=(linux linux-aarch64 mac-aarch64 win)

failed=0
for p in "${platforms[@]}"; do
  mkdir -p "$root"
  out="$(cd "$root" && pwd)/$p"
  echo "== $p: mvn -P$p -DskipTests package -> $out"
  # shellcheck disable=SC2086
  "$mvn_cmd" -B -q ${MVN_FLAGS:-} "-P$p" -DskipTests package "-Dquantlab.buildDir=$out"
  lib="$out/lib"
  t="$(torch_of "$p")"; f="$(fx_of "$p")"
  errors=()
  [ -f "$lib/pytorch-native-cpu-2.7.1-$t.jar" ] || errors+=("missing pytorch-native-cpu-2.7.1-$t.jar")
  for other in "${all_torch[@]}"; do
    [ "$other" = "$t" ] || [ ! -e "$lib/pytorch-native-cpu-2.7.1-$other.jar" ] || errors+=("foreign libtorch $other")
  done
  for m in base graphics controls fxml swing; do
    [ -f "$lib/javafx-$m-21.0.11-$f.jar" ] || errors+=("missing javafx-$m-21.0.11-$f.jar")
  done
  # every JavaFX jar must carry this platform's classifier (no unclassified or foreign ones)
  for jar in "$lib"/javafx-*.jar; do
    name="$(basename "$jar")"
    [[ "$name" == *"-21.0.11-$f.jar" ]] || errors+=("foreign JavaFX jar $name")
  done
  [ -f "$out/quantlab.jar" ] || errors+=("missing quantlab.jar")
  [ -f "$out/models/vgg-cifar10.safetensors" ] || errors+=("missing models/vgg-cifar10.safetensors")
  if [ ${#errors[@]} -eq 0 ]; then
    echo "ok   $p: libtorch $t, JavaFX $f ($(ls "$lib" | wc -l) jars in lib/)"
  else
    echo "FAIL $p:"
    printf '  %s\n' "${errors[@]}"
    failed=1
  fi
done
exit $failed
