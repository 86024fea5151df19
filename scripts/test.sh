#!/usr/bin/env bash
# The test command: makes sure a Docker daemon and the local test images exist, then builds
# and tests every module that builds here (engine, CLI). Safe to re-run; works from any cwd.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# File names outside ASCII need a UTF-8 locale in the JVM (see README, Artifacts).
export LANG=C.UTF-8

step() { # name command...
    local name="$1" start rc=0; shift
    echo "=== $name: $*"
    start=$SECONDS
    "$@" || rc=$?
    echo "=== $name: $([ "$rc" -eq 0 ] && echo OK || echo "FAILED (exit $rc)") in $((SECONDS - start))s"
    return "$rc"
}

step "ensure-docker" scripts/ensure-docker.sh
step "build-test-images" scripts/build-test-images.sh
step "maven" mvn -B -ntp -Dstyle.color=never verify "$@"
