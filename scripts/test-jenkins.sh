#!/usr/bin/env bash
# The acceptance suite against a real Jenkins: installs the given .hpi through the plugin manager (then restarts
# Jenkins), makes its own agent (a separate JVM on this machine, over WebSocket), and runs every case on the
# controller and on that agent, asserting what a user sees.
#
#   scripts/test-jenkins.sh JENKINS_URL PATH/TO/codebuild-spec.hpi [-Dit.test=BuildsIT ...]
#
# The Jenkins must be a test instance: the suite creates jobs, credentials and a node, and restarts it. Security:
# set JENKINS_USER and JENKINS_TOKEN (an API token of an administrator) when it has any. Docker must run on this
# machine (the agent's builds use it), with the image named by -Dcodebuildspec.image (default: the project's local
# Debian test image, made by scripts/build-test-images.sh). Chromium and chromedriver are needed for the browser
# cases (Debian: apt-get install chromium chromium-driver).
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,13p' "$0"; exit 2; }
url=$1 hpi=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2
[ -f "$hpi" ] || { echo "test-jenkins: no such .hpi: $hpi" >&2; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec mvn -B -ntp -Dstyle.color=never -pl acceptance -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcodebuildspec.cli-its.skip=true -Dcodebuildspec.acceptance.skip=false \
  -Dcodebuildspec.jenkins.url="$url" -Dcodebuildspec.hpi="$hpi" \
  -Dcodebuildspec.jenkins.user="${JENKINS_USER:-}" -Dcodebuildspec.jenkins.token="${JENKINS_TOKEN:-}" "$@"
