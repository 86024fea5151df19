#!/usr/bin/env bash
# The main job, end to end: runs examples/hello/buildspec.yml in a local Debian container with
# the CLI, as a user would. Prepares what is missing first (Docker, the local image, the jar).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/ensure-docker.sh
if [ -t 1 ]; then
    # A person is watching: the first run installs packages and bootstraps a Debian image for about a minute.
    scripts/build-test-images.sh
else
    scripts/build-test-images.sh >/dev/null
fi
# shellcheck source=scripts/test-images.env
. scripts/test-images.env
launcher=cli/target/codebuild-spec-dist/codebuild-spec/bin/codebuild-spec
if [ ! -x "$launcher" ] || [ -n "$(find engine/src cli/src -newer cli/target/codebuild-spec.jar -print -quit)" ]; then
    mvn -q -B -ntp -Dstyle.color=never -DskipTests package
fi

# The example builds in a copy, so the checkout stays clean.
work=target/example
rm -rf "$work" && mkdir -p "$work" && cp -R examples/hello "$work/src"

# A demo secret: the build prints it, the log shows ***.
export DEPLOY_TOKEN="demo-token-$RANDOM$RANDOM"
status=0
# The command as installed (scripts/install.sh puts the same launcher on the PATH as codebuild-spec).
"$launcher" run \
    --source "$work/src" \
    --image "$DEBIAN_IMAGE" \
    --secret DEPLOY_TOKEN \
    --record "$work/record.json" || status=$?

echo
echo "Build record: $work/record.json (exit status $status)"
grep -A1 '"name"' "$work/record.json" | sed -n 's/.*"\(name\|value\)": //p' | paste - - || true
exit "$status"
