#!/usr/bin/env bash
# Installs the codebuild-spec command: builds it when needed (Java 17 and Maven), puts it under PREFIX (default
# ~/.local; first argument or $PREFIX): PREFIX/lib/codebuild-spec/{bin,lib} and the link PREFIX/bin/codebuild-spec.
# Then a training run makes the class-data archive the launcher starts with, and the line to add PREFIX/bin to the
# PATH is printed when it is not there yet.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX=${1:-${PREFIX:-$HOME/.local}}
dist=$ROOT/cli/target/codebuild-spec-dist/codebuild-spec
if [ ! -f "$dist/lib/codebuild-spec.jar" ] \
        || [ -n "$(find "$ROOT/engine/src/main" "$ROOT/cli/src/main" -newer "$dist/lib/codebuild-spec.jar" -print -quit)" ]; then
    echo "install: building the command (mvn package, about a minute the first time)..."
    (cd "$ROOT" && mvn -q -B -ntp -Dstyle.color=never -DskipTests package -pl engine,cli -am)
fi
dest=$PREFIX/lib/codebuild-spec
mkdir -p "$PREFIX/lib" "$PREFIX/bin"
rm -rf "$dest.new" && cp -R "$dist" "$dest.new" && rm -rf "$dest" && mv "$dest.new" "$dest"
ln -sfn "$dest/bin/codebuild-spec" "$PREFIX/bin/codebuild-spec"

# The class-data archive: the classes a build loads, from a run without a container (no image needed). It masks a
# made-up secret, so that the masking classes are in the archive too.
train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
printf 'version: 0.2\nenv:\n  variables:\n    GREETING: hi\nphases:\n  build:\n    commands:\n      - echo "$GREETING $TRAINING_TOKEN"\nartifacts:\n  files: [buildspec.yml]\n' \
    > "$train/buildspec.yml"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
LC_ALL=C.UTF-8 TRAINING_TOKEN=not-a-secret-only-for-training "$java" -XX:ArchiveClassesAtExit="$dest/lib/codebuild-spec.jsa" -XX:+UseSerialGC -Xlog:cds=off \
    -Xlog:cds+dynamic=off -jar "$dest/lib/codebuild-spec.jar" run --no-container --source "$train" \
    --record "$train/record.json" --cache-dir "$train/cache" --secret TRAINING_TOKEN >/dev/null 2>&1 \
    || echo "install: the training run failed; the command works, without the class-data archive"

echo "install: $("$PREFIX/bin/codebuild-spec" --version | head -1) in $dest"
case ":$PATH:" in
    *":$PREFIX/bin:"*) echo "install: run it as codebuild-spec" ;;
    *) echo "install: $PREFIX/bin is not on your PATH; add it (and to ~/.profile to keep it):"
       echo "  export PATH=\"$PREFIX/bin:\$PATH\"" ;;
esac
