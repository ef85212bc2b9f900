#!/usr/bin/env bash
# Makes a self-contained app image (with its own Java runtime) and a native installer with jpackage (JDK 17+),
# from a build folder made by `./mvnw -B -DskipTests package` (quantlab.jar, lib/, models/).
#   scripts/package-app.sh [BUILD_DIR] [TYPE]
# BUILD_DIR defaults to target; TYPE defaults to deb on Linux, dmg on macOS, msi on Windows (needs WiX 3 on PATH);
# TYPE app-image makes the image only. Output: BUILD_DIR/jpackage/ (QuantLab app image and the installer).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-target}"
case "$(uname -s)" in
  Linux*) default_type=deb ;;
  Darwin*) default_type=dmg ;;
  MINGW*|MSYS*|CYGWIN*) default_type=msi ;;
  *) default_type=app-image ;;
esac
type="${2:-$default_type}"
for f in quantlab.jar lib models/vgg-cifar10.safetensors; do
  [ -e "$build/$f" ] || { echo "error: $build/$f is missing; build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
done
command -v jpackage >/dev/null 2>&1 || { echo "error: jpackage not found (it comes with a full JDK 17+)" >&2; exit 1; }

out="$build/jpackage"
rm -rf "$out"
mkdir -p "$out/input"
cp "$build/quantlab.jar" "$out/input/"
cp -R "$build/lib" "$build/models" "$out/input/"

version=0.1.0
[ "$default_type" = dmg ] && version=1.0.0   # macOS bundles need a version of 1.0 or more
common=(--name QuantLab --app-version "$version" --vendor QuantLab
        --description "A desktop teaching app for neural-network quantization"
        --input "$out/input" --main-jar quantlab.jar --main-class dev.quantlab.Main --dest "$out")

jpackage --type app-image "${common[@]}"
echo "app image: $(ls -d "$out"/QuantLab*)"
if [ "$type" != app-image ]; then
  extra=()
  case "$type" in
    deb) extra=(--linux-package-name quantlab --linux-shortcut --linux-menu-group Education
                --linux-app-category education) ;;
    msi) extra=(--win-menu --win-shortcut --win-dir-chooser --win-upgrade-uuid 6f7c3f1e-2a4b-4c1e-9f3a-5b8d2e6a7c10) ;;
  esac
  jpackage --type "$type" "${common[@]}" "${extra[@]}"
  for f in "$out"/*."$type"; do
    echo "installer: $f ($(du -h "$f" | cut -f1))"
  done
fi
