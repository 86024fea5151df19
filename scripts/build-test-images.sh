#!/usr/bin/env bash
# Build the local Docker images used by the integration tests, without any
# container registry. Image names come from scripts/test-images.env.
#
#   DEBIAN_IMAGE       debootstrap --variant=minbase of Debian bookworm
#   BUSYBOX_IMAGE      static busybox (from the busybox-static package)
#   ENTRYPOINT_IMAGE   busybox rootfs with ENTRYPOINT ["/bin/false"], CMD ["ignored"]
#   BUSYBOX_ENV_IMAGE  busybox rootfs with image-level ENV IMAGE_VAR=from-image
#
# Idempotent: an image is skipped when `docker image inspect NAME` succeeds,
# unless --force is given. Bump the tag in test-images.env when a recipe changes.
# Needs root (debootstrap, chroot) and a working Docker daemon
# (see scripts/ensure-docker.sh). Installs debootstrap / busybox-static with
# apt-get when they are missing.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IMAGES_FILE="$SCRIPT_DIR/test-images.env"
SUITE=bookworm
STD_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
DEBOOTSTRAP_LOG="${DEBOOTSTRAP_LOG:-/tmp/codebuild-spec-debootstrap.log}"

log() { echo "build-test-images: $*"; }
die() { echo "build-test-images: ERROR: $*" >&2; exit 1; }

usage() {
    echo "usage: $0 [--force]"
    echo "  --force   rebuild every image even if it already exists locally"
}

FORCE=0
for arg in "$@"; do
    case "$arg" in
        --force) FORCE=1 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

# --- image names ------------------------------------------------------------
# Parse (rather than source) the file, with the same rules as the Java tests:
# NAME=value lines, '#' comments, blank lines ignored.
DEBIAN_IMAGE="" BUSYBOX_IMAGE="" ENTRYPOINT_IMAGE="" BUSYBOX_ENV_IMAGE=""
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    key="${line%%=*}"
    value="${line#*=}"
    case "$key" in
        DEBIAN_IMAGE) DEBIAN_IMAGE="$value" ;;
        BUSYBOX_IMAGE) BUSYBOX_IMAGE="$value" ;;
        ENTRYPOINT_IMAGE) ENTRYPOINT_IMAGE="$value" ;;
        BUSYBOX_ENV_IMAGE) BUSYBOX_ENV_IMAGE="$value" ;;
        *) log "ignoring unknown key '$key' in $IMAGES_FILE" ;;
    esac
done <"$IMAGES_FILE"
for v in DEBIAN_IMAGE BUSYBOX_IMAGE ENTRYPOINT_IMAGE BUSYBOX_ENV_IMAGE; do
    [ -n "${!v}" ] || die "$v is not set in $IMAGES_FILE"
done
ALL_IMAGES=("$DEBIAN_IMAGE" "$BUSYBOX_IMAGE" "$ENTRYPOINT_IMAGE" "$BUSYBOX_ENV_IMAGE")

docker info >/dev/null 2>&1 || die "Docker is not usable; run scripts/ensure-docker.sh first."

needs_build() {
    [ "$FORCE" -eq 1 ] || ! docker image inspect "$1" >/dev/null 2>&1
}

# --- temp dir, cleaned up on every path ---------------------------------------
WORK_DIR=""
cleanup() {
    [ -n "$WORK_DIR" ] && [ -d "$WORK_DIR" ] || return 0
    # debootstrap mounts /proc, /sys, ... inside the target; never rm -rf
    # through a mount point. Unmount deepest first.
    local mp
    while read -r mp; do
        umount -l "$mp" 2>/dev/null || true
    done < <(awk -v d="$WORK_DIR/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$WORK_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- host packages ------------------------------------------------------------
APT_UPDATED=0
apt_install() {
    [ "$(id -u)" -eq 0 ] || die "need root to install $* (apt-get)."
    export DEBIAN_FRONTEND=noninteractive
    if [ "$APT_UPDATED" -eq 0 ]; then
        apt-get update -qq
        APT_UPDATED=1
    fi
    log "installing $*"
    apt-get install -y -qq "$@" >/dev/null
}

# --- Debian mirror from the machine's apt configuration -----------------------
# Prints the first http(s)/ftp/file URI of a "deb" source for $SUITE found in
# /etc/apt/sources.list, sources.list.d/*.list (one-line format) or
# sources.list.d/*.sources (deb822). Prints nothing when none is found.
one_line_uris() {
    local file="$1" type rest uri suite
    while read -r type rest; do
        [ "$type" = deb ] || continue
        rest="${rest%%#*}"
        case "$rest" in '['*) rest="${rest#*]}" ;; esac
        read -r uri suite _ <<<"$rest" || true
        if [ "$suite" = "$SUITE" ] || [ "$suite" = "$SUITE/" ]; then
            echo "$uri"
        fi
    done <"$file"
}
deb822_uris() {
    awk -v suite="$SUITE" '
        BEGIN { RS = ""; FS = "\n" }
        {
            split("", v); key = ""
            for (i = 1; i <= NF; i++) {
                l = $i
                if (l ~ /^#/) continue
                if (l ~ /^[ \t]/) { if (key != "") v[key] = v[key] " " l; continue }
                p = index(l, ":"); if (!p) continue
                key = tolower(substr(l, 1, p - 1)); v[key] = substr(l, p + 1)
            }
            if (tolower(v["enabled"]) ~ /no/) next
            if ((" " v["types"] " ") !~ /[ \t]deb[ \t]/) next
            ok = 0; ns = split(v["suites"], s, /[ \t]+/)
            for (j = 1; j <= ns; j++) if (s[j] == suite || s[j] == suite "/") ok = 1
            if (!ok) next
            nu = split(v["uris"], u, /[ \t]+/)
            for (j = 1; j <= nu; j++) if (u[j] != "") print u[j]
        }' "$1"
}
debian_mirror() {
    local f
    {
        [ -f /etc/apt/sources.list ] && one_line_uris /etc/apt/sources.list
        for f in /etc/apt/sources.list.d/*.list; do
            [ -f "$f" ] && one_line_uris "$f"
        done
        for f in /etc/apt/sources.list.d/*.sources; do
            [ -f "$f" ] && deb822_uris "$f"
        done
        true
    } | grep -E '^(https?|ftp|file):/' | head -n 1 || true
}

# --- helpers --------------------------------------------------------------------
declare -A BUILD_SECONDS=()
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

docker_import() { # tarball name change...
    local tarball="$1" name="$2"; shift 2
    local args=() c
    local old_id new_id
    for c in "$@"; do args+=(--change "$c"); done
    old_id="$(docker image inspect --format '{{.Id}}' "$name" 2>/dev/null || true)"
    new_id="$(docker import "${args[@]}" "$tarball" "$name")"
    # With --force, drop the image this one replaced (if nothing else uses it).
    if [ -n "$old_id" ] && [ "$old_id" != "$new_id" ]; then
        docker image rm "$old_id" >/dev/null 2>&1 || true
    fi
}

# --- Debian image -----------------------------------------------------------------
build_debian() {
    local start rootfs mirror
    start="$(now)"
    [ "$(id -u)" -eq 0 ] || die "building $DEBIAN_IMAGE needs root (debootstrap/chroot)."
    command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
    rootfs="$WORK_DIR/debian-rootfs"
    mirror="$(debian_mirror)"
    if [ -n "$mirror" ]; then
        log "debootstrap $SUITE from $mirror (from the apt configuration)"
    else
        log "no $SUITE source found in the apt configuration; using debootstrap's default mirror"
    fi
    # Minbase already has dash (/bin/sh), bash, coreutils (od, sleep, id),
    # util-linux (su, setpriv), debianutils (which), passwd (useradd); procps
    # (ps, kill) is added. They are listed explicitly so a change in the
    # required set fails loudly rather than silently.
    if ! debootstrap --variant=minbase \
            --include=dash,bash,coreutils,procps,util-linux,login,passwd,debianutils \
            "$SUITE" "$rootfs" ${mirror:+"$mirror"} >"$DEBOOTSTRAP_LOG" 2>&1; then
        echo "build-test-images: ERROR: debootstrap failed; last lines of $DEBOOTSTRAP_LOG:" >&2
        tail -n 40 "$DEBOOTSTRAP_LOG" >&2 || true
        [ -f "$rootfs/debootstrap/debootstrap.log" ] && cp "$rootfs/debootstrap/debootstrap.log" "$DEBOOTSTRAP_LOG.inner" \
            && echo "build-test-images: debootstrap's own log kept in $DEBOOTSTRAP_LOG.inner" >&2
        exit 1
    fi
    rm -f "$DEBOOTSTRAP_LOG"

    chroot "$rootfs" groupadd -g 1001 codebuild-user
    chroot "$rootfs" useradd -m -u 1001 -g 1001 -s /bin/bash codebuild-user
    chroot "$rootfs" apt-get clean
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin \
        "$rootfs"/var/log/bootstrap.log "$rootfs"/tmp/* "$rootfs"/var/tmp/*
    # Keep the image independent of the build machine (Docker supplies these).
    : >"$rootfs/etc/resolv.conf"
    echo localhost >"$rootfs/etc/hostname"

    tar -C "$rootfs" --numeric-owner -cf "$WORK_DIR/debian.tar" .
    rm -rf --one-file-system "$rootfs"
    docker_import "$WORK_DIR/debian.tar" "$DEBIAN_IMAGE" \
        "ENV PATH=$STD_PATH" 'ENV LANG=C.UTF-8' 'CMD ["/bin/bash"]'
    rm -f "$WORK_DIR/debian.tar"
    BUILD_SECONDS[$DEBIAN_IMAGE]="$(elapsed "$start")"
    log "built $DEBIAN_IMAGE in ${BUILD_SECONDS[$DEBIAN_IMAGE]}s"
}

# --- busybox rootfs + the three images made from it --------------------------------
BUSYBOX_TAR=""
busybox_tarball() {
    [ -n "$BUSYBOX_TAR" ] && return 0
    local rootfs="$WORK_DIR/busybox-rootfs" applet
    # /bin/busybox must be the *static* build: it runs in an empty rootfs.
    case "$(dpkg -S /bin/busybox 2>/dev/null || true)" in
        busybox-static:*) ;;
        *) apt_install busybox-static ;;
    esac
    [ -x /bin/busybox ] || die "/bin/busybox missing after installing busybox-static."
    mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,root,tmp,var/tmp,home/codebuild-user}
    cp /bin/busybox "$rootfs/bin/busybox"
    chmod 0755 "$rootfs/bin/busybox"
    for applet in $("$rootfs/bin/busybox" --list); do
        [ "$applet" = busybox ] && continue
        ln -sf busybox "$rootfs/bin/$applet"
    done
    ln -sf busybox "$rootfs/bin/sh"    # busybox ash
    ln -sf /bin/busybox "$rootfs/usr/bin/env"   # for '#!/usr/bin/env' scripts
    cat >"$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
codebuild-user:x:1001:1001:codebuild-user:/home/codebuild-user:/bin/sh
PASSWD
    cat >"$rootfs/etc/group" <<'GROUP'
root:x:0:
codebuild-user:x:1001:
GROUP
    chmod 1777 "$rootfs/tmp" "$rootfs/var/tmp"
    chmod 0700 "$rootfs/root"
    chown 1001:1001 "$rootfs/home/codebuild-user"
    BUSYBOX_TAR="$WORK_DIR/busybox.tar"
    tar -C "$rootfs" --numeric-owner -cf "$BUSYBOX_TAR" .
}

build_busybox_variant() { # name change...
    local name="$1" start; shift
    start="$(now)"
    busybox_tarball
    docker_import "$BUSYBOX_TAR" "$name" "ENV PATH=$STD_PATH" "$@"
    BUILD_SECONDS[$name]="$(elapsed "$start")"
    log "built $name in ${BUILD_SECONDS[$name]}s"
}

# --- main -------------------------------------------------------------------------
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/codebuild-spec-images.XXXXXX")"
total_start="$(now)"

if needs_build "$DEBIAN_IMAGE"; then build_debian; else log "$DEBIAN_IMAGE exists; skipping (use --force to rebuild)"; fi
if needs_build "$BUSYBOX_IMAGE"; then
    build_busybox_variant "$BUSYBOX_IMAGE" 'CMD ["/bin/sh"]'
else log "$BUSYBOX_IMAGE exists; skipping (use --force to rebuild)"; fi
if needs_build "$ENTRYPOINT_IMAGE"; then
    build_busybox_variant "$ENTRYPOINT_IMAGE" 'ENTRYPOINT ["/bin/false"]' 'CMD ["ignored"]'
else log "$ENTRYPOINT_IMAGE exists; skipping (use --force to rebuild)"; fi
if needs_build "$BUSYBOX_ENV_IMAGE"; then
    build_busybox_variant "$BUSYBOX_ENV_IMAGE" 'ENV IMAGE_VAR=from-image' 'CMD ["/bin/sh"]'
else log "$BUSYBOX_ENV_IMAGE exists; skipping (use --force to rebuild)"; fi

echo
echo "Test images (total $(elapsed "$total_start")s):"
for name in "${ALL_IMAGES[@]}"; do
    size="$(docker image inspect --format '{{.Size}}' "$name")"
    printf '  %-45s %10s  %s\n' "$name" "$(numfmt --to=iec-i --suffix=B "$size")" \
        "${BUILD_SECONDS[$name]:+built in ${BUILD_SECONDS[$name]}s}"
done
