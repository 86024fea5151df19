#!/usr/bin/env bash
# Runs every benchmark (P1-P10; P8 only where JENKINS_URL is set) and prints the table; the same goes to bench/results/latest.json.
# Works from any directory. Options are passed to bench.py (--only P1,P3  --rounds N  --skip-build).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SKIP_BUILD=0
for a in "$@"; do [ "$a" = --skip-build ] && SKIP_BUILD=1; done

scripts/ensure-docker.sh >/dev/null
scripts/build-test-images.sh >/dev/null

if [ "$SKIP_BUILD" = 0 ]; then
    # Offline first (fast, everything cached after the README's set-up); online once for JMH if needed.
    echo "bench: building the CLI jar and the JMH benchmarks..." >&2
    # JENKINS_URL (P8's Jenkins) would switch on the plugin's profile, which needs the Jenkins repository: this
    # build is the engine, the CLI and the benchmarks only.
    env -u JENKINS_URL mvn -q -B -ntp -o -Pbench package -DskipTests >/dev/null 2>&1 \
        || env -u JENKINS_URL mvn -q -B -ntp -Pbench package -DskipTests
fi

# P2 times the command as users run it: installed, with its launcher and class-data archive.
PREFIX=${BENCH_WORK:-/tmp/codebuild-spec-bench}/install
if [ "$SKIP_BUILD" = 0 ] || [ ! -x "$PREFIX/bin/codebuild-spec" ]; then
    scripts/install.sh "$PREFIX" >/dev/null
fi

exec python3 "$ROOT/bench/bench.py" "$@"
