#!/usr/bin/env bash
# Fuzzes one Jazzer @FuzzTest for N minutes: scripts/fuzz.sh <TestClass> <method> <minutes>
#   e.g. scripts/fuzz.sh SafeUnpicklerFuzzTest unpickle 10
# Crashing inputs are written by jazzer-junit into the target's committed corpus,
#   src/test/resources/<package path>/<TestClass>Inputs/<method>/crash-<sha1>
# so they run as regression inputs in every `mvn verify` from then on. Inputs that found new coverage go to
# .cifuzz-corpus/ (not committed). The fuzzing JVM gets -Xmx1g, so a memory blow-up is a finding too.
# Executions and findings are summarised from libFuzzer's output at the end (full log: target/fuzz-<method>.log).
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 <TestClass> <method> <minutes>" >&2
  exit 2
fi
cls=$1; method=$2; minutes=$3
cd "$(dirname "$0")/.."
mkdir -p target
log=target/fuzz-$method.log
touch "$log.start"
# @FuzzTest(maxDuration) is a ceiling of 24h on our targets; the minutes given here are enforced by
# stopping the run with SIGINT, which libFuzzer handles by printing its final statistics.
# compile first, outside the time limit (on a busy machine compiling alone can take minutes)
mvn -B -q -o test-compile >"$log" 2>&1 || { echo "test-compile failed, see $log" >&2; exit 1; }
set +e
JAZZER_FUZZ=1 timeout -s INT -k 60 "$((minutes * 60 + 180))" \
  mvn -B -o surefire:test@fuzz-corpus -Dfuzz.test="$cls#$method" \
    -Djazzer.internal.arg.0=fake_argv0 -Djazzer.internal.arg.1=-max_total_time=$((minutes * 60)) \
    -DargLine="-Xmx1g -Xss4m" >"$log" 2>&1
rc=$?
set -e
execs=$(grep -aEo 'Done [0-9]+ runs|#[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
new=$(find src/test/resources -path "*${cls}Inputs/$method/crash-*" -newer "$log.start" 2>/dev/null || true)
crashes=$(printf '%s' "$new" | grep -c . || true)
echo "target: $cls#$method  minutes: $minutes  executions: $execs  findings: $crashes  (mvn exit $rc, log $log)"
[ -n "$new" ] && echo "$new"
exit 0
