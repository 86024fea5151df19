#!/usr/bin/env bash
# The acceptance suite against the project's harness Jenkins, where one is assembled on this machine
# (../shared/jenkins-harness builds it; see the README, "Testing the plugin in a real Jenkins"): builds the .hpi
# with the harness' javac against the real Jenkins jars, starts that Jenkins if it is not running, then runs
# scripts/test-jenkins.sh against it. Without a harness it says so in one line and exits 0.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPTS=${JENKINS_HARNESS_SCRIPTS:-$ROOT/../shared/jenkins-harness}
HARNESS=${JENKINS_HARNESS_DIR:-$ROOT/../jenkins-harness}
export JENKINS_PORT=${JENKINS_PORT:-8080}
if [ ! -x "$SCRIPTS/build-hpi.sh" ] || ! ls "$HARNESS"/home/war/WEB-INF/lib/jenkins-core-*.jar >/dev/null 2>&1 \
        && ! ls "$HARNESS"/build/war/WEB-INF/lib/jenkins-core-*.jar >/dev/null 2>&1; then
    echo "acceptance suite: skipped: no harness Jenkins is assembled on this machine ($HARNESS; see the README)"
    exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$SCRIPTS/build-hpi.sh" "$ROOT" "$out" | tail -1
[ -f "$out/codebuild-spec.hpi" ] || { echo "acceptance suite: the .hpi did not build" >&2; exit 1; }
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "acceptance suite: installing chromium and chromium-driver for the browser cases"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
        echo "acceptance suite: chromium or chromedriver missing, and not root: the browser cases will be skipped"
    fi
fi
"$HARNESS/start-jenkins.sh"
"$ROOT/scripts/test-jenkins.sh" "http://127.0.0.1:$JENKINS_PORT" "$out/codebuild-spec.hpi" "$@"
