#!/usr/bin/env bash
# Make sure a usable Docker daemon is available (idempotent).
#
# - If `docker info` already works: do nothing.
# - Otherwise (root only): install the docker.io Debian package if dockerd or
#   the docker CLI is missing, start dockerd in the background (detached with
#   nohup + setsid so it outlives this script, log under /tmp) and wait up to
#   DOCKER_START_TIMEOUT seconds (default 60) for `docker info` to succeed.
set -euo pipefail

LOG_FILE="${DOCKERD_LOG:-/tmp/codebuild-spec-dockerd.log}"
TIMEOUT="${DOCKER_START_TIMEOUT:-60}"

log() { echo "ensure-docker: $*"; }
die() { echo "ensure-docker: ERROR: $*" >&2; exit 1; }

docker_ok() {
    command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

if docker_ok; then
    log "Docker daemon already usable (server $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'))."
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    if command -v docker >/dev/null 2>&1; then
        die "'docker info' fails and this script is not running as root, so it cannot install or start dockerd. Start the Docker daemon yourself (or add this user to the 'docker' group), or run this script as root."
    else
        die "the docker CLI is not installed and this script is not running as root, so it cannot install docker.io. Install Docker yourself, or run this script as root."
    fi
fi

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    log "dockerd/docker not found; installing the docker.io package..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq docker.io >/dev/null
    command -v dockerd >/dev/null 2>&1 || die "docker.io was installed but dockerd is still not on PATH."
    command -v docker >/dev/null 2>&1 || die "docker.io was installed but the docker CLI is still not on PATH."
    # Installing the package may have started the daemon (when an init system runs).
    if docker_ok; then
        log "Docker daemon usable after installing docker.io."
        exit 0
    fi
fi

if command -v pgrep >/dev/null 2>&1 && pgrep -x dockerd >/dev/null 2>&1; then
    log "a dockerd process is already running but not answering yet; waiting for it."
else
    log "starting dockerd in the background (log: $LOG_FILE)"
    nohup setsid dockerd >"$LOG_FILE" 2>&1 </dev/null &
fi

for ((i = 0; i < TIMEOUT; i++)); do
    if docker info >/dev/null 2>&1; then
        log "Docker daemon is up after ${i}s (server $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'))."
        exit 0
    fi
    sleep 1
done

echo "ensure-docker: ERROR: the Docker daemon did not come up within ${TIMEOUT}s." >&2
if [ -f "$LOG_FILE" ]; then
    echo "ensure-docker: last lines of $LOG_FILE:" >&2
    tail -n 40 "$LOG_FILE" >&2 || true
fi
exit 1
