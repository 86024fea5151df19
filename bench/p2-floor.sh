#!/usr/bin/env bash
# P2's floor (bench/README.md): the Docker calls of each driver design alone, and the installed command's start
# to its first docker call, in alternating rounds. Needs Docker, the Debian test image and `codebuild-spec` on the
# PATH (scripts/install.sh).   bench/p2-floor.sh [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/test-images.env"
IMG=${BENCH_IMAGE:-$DEBIAN_IMAGE}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n' >"$work/buildspec.yml"
printf '#!/bin/sh\ndate +%%s.%%N >>"%s/first.log"\nexec docker "$@"\n' "$work" >"$work/docker"
chmod +x "$work/docker"
now() { date +%s.%N; }
since() { python3 -c "print(f'{$2-$1:.3f}')"; }
timed() { local s; s=$(now); "$@" >/dev/null 2>&1; since "$s" "$(now)"; }
echo "round | run --rm true | driver first (run -i --rm, stdin) | run -d + exec -e + rm -f | command to 1st docker call | command"
for i in $(seq "${1:-5}"); do
  a=$(timed docker run --rm "$IMG" true)
  b=$(timed sh -c "printf 'S=x\n' | docker run -i --rm --init --label io.jenkins.codebuildspec.owner=p2-floor $IMG sh -c 'read -r l; echo hi'")
  c=$(timed sh -c "id=\$(docker run -d --init --label io.jenkins.codebuildspec.owner=p2-floor --entrypoint sleep $IMG 3600) \
      && S=x docker exec -i -e S \$id sh -c 'echo hi' && docker rm -f -v \$id")
  rm -f "$work/first.log"
  s=$(now)
  (cd "$work" && codebuild-spec run --image "$IMG" --docker "$work/docker" >/dev/null 2>&1)
  e=$(now)
  echo "$i | $a | $b | $c | $(since "$s" "$(head -1 "$work/first.log")") | $(since "$s" "$e")"
done
