#!/usr/bin/env bash
# kapdesk bootstrap: the two commands a fresh Debian/Ubuntu machine needs.
#
#   ./bootstrap.sh start [kapdesk args...]   set up, then run the app (SQLite default)
#   ./bootstrap.sh test  [pytest args...]    set up, then ruff + mypy + pytest (the whole suite)
#   ./bootstrap.sh release [args...]         set up, then build the frozen folder and the .deb
#                                            (packaging/build_release.py; see packaging/README.md)
#
# Setup is idempotent and fast when already done: system packages are checked with
# dpkg-query and only missing ones are installed; pip runs only when pyproject.toml
# (or the interpreter) changed since the last successful install.
# Never interactive: CI runs this with no stdin. See docs/setup.md.
set -Eeuo pipefail
# Never die silently: name the command that failed.
trap 'printf "bootstrap: error: line %s: %s failed\n" "$LINENO" "$BASH_COMMAND" >&2' ERR

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
STAMP="$VENV/.kapdesk-bootstrap-stamp"
export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1

say() { printf 'bootstrap: %s\n' "$*"; }
die() { printf 'bootstrap: error: %s\n' "$*" >&2; exit 1; }

usage() {
    cat <<'EOF'
usage: ./bootstrap.sh start [kapdesk args...]   set up and start kapdesk
       ./bootstrap.sh test  [pytest args...]    set up and run ruff, mypy and pytest
       ./bootstrap.sh release [args...]         set up and build dist/kapdesk/ and the .deb
EOF
}

# --- Python -----------------------------------------------------------------------

# First interpreter >= 3.11; $PYTHON, if set, is tried first.
find_python() {
    local cand
    for cand in ${PYTHON:-} python3 python3.14 python3.13 python3.12 python3.11; do
        if command -v "$cand" >/dev/null 2>&1 &&
            "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$cand"
            return 0
        fi
    done
    return 1
}

# --- System packages ------------------------------------------------------------
#
# Worked out from the DT_NEEDED entries of the PySide6 6.x wheel (QtCore/Gui/Widgets/
# DBus/Svg/PrintSupport/OpenGL/Network/Test, the offscreen and xcb platform plugins, the
# xcb GL integrations, image formats, input contexts) and of the pygame wheel, mapped to
# packages with dpkg -S. Libraries that every Debian base system has (libc6, libstdc++6,
# zlib1g, libzstd1) are left out; so are the wayland plugin (a Wayland desktop already
# has its libs, and Qt falls back to xcb/XWayland), QtMultimedia's libpulse0 (sound goes
# through pygame) and QtWebEngine's (unused).
#
# Format: "alternative|alternative:soname". The first alternative with an install
# candidate is installed; any installed alternative satisfies the entry (Ubuntu 24.04
# renamed some libraries with a t64 suffix). The soname is the check off Debian.
SYSTEM_PACKAGES=(
    # QtCore, QtGui (both platforms)
    "libglib2.0-0t64|libglib2.0-0:libglib-2.0.so.0"
    "libdbus-1-3:libdbus-1.so.3"
    "libegl1:libEGL.so.1"
    "libgl1:libGL.so.1"
    "libfontconfig1:libfontconfig.so.1"
    "libfreetype6:libfreetype.so.6"
    "libx11-6:libX11.so.6"
    "libxkbcommon0:libxkbcommon.so.0"
    # offscreen Qt warns (and our tests fail on Qt warnings) without at least one font
    "fonts-dejavu-core:"
    # QtNetwork (e.g. QLocalServer); importing it fails without these
    "libgssapi-krb5-2:libgssapi_krb5.so.2"
    "libbrotli1:libbrotlidec.so.1"
    # the xcb platform plugin: the real window on an X11 (or XWayland) desktop
    "libx11-xcb1:libX11-xcb.so.1"
    "libxcb1:libxcb.so.1"
    "libxcb-cursor0:libxcb-cursor.so.0"
    "libxcb-glx0:libxcb-glx.so.0"
    "libxcb-icccm4:libxcb-icccm.so.4"
    "libxcb-image0:libxcb-image.so.0"
    "libxcb-keysyms1:libxcb-keysyms.so.1"
    "libxcb-randr0:libxcb-randr.so.0"
    "libxcb-render0:libxcb-render.so.0"
    "libxcb-render-util0:libxcb-render-util.so.0"
    "libxcb-shape0:libxcb-shape.so.0"
    "libxcb-shm0:libxcb-shm.so.0"
    "libxcb-sync1:libxcb-sync.so.1"
    "libxcb-util1:libxcb-util.so.1"
    "libxcb-xfixes0:libxcb-xfixes.so.0"
    "libxcb-xkb1:libxcb-xkb.so.1"
    "libxkbcommon-x11-0:libxkbcommon-x11.so.0"
    # pygame bundles its own SDL, but SDL dlopen()s ALSA to reach the sound card
    # (tests use SDL's disk/dummy driver and do not need it)
    "libasound2t64|libasound2:libasound.so.2"
    # loudness (kapdesk/audio/loudness_meter.py, through ctypes): libsndfile decodes every
    # format kapdesk plays (MP3 from 1.1), libebur128 measures EBU R128 loudness and true peak
    "libsndfile1:libsndfile.so.1"
    "libebur128-1:libebur128.so.1"
)

# What only the test suite needs: a private D-Bus daemon (the inhibitor tests run a fake
# ScreenSaver and logind on it), desktop-file-validate (kapdesk's .desktop entry), a
# PostgreSQL server (the storage and recovery tests start one of their own on 127.0.0.1),
# an X server with no window manager plus real key events (the kiosk focus test), and
# ffmpeg, the second meter the loudness accuracy test checks kapdesk's against (and its
# encoder of FLAC, OGG, MP3 and Opus); kapdesk itself never runs ffmpeg.
TEST_PACKAGES=(
    "dbus-daemon|dbus:"
    "desktop-file-utils:"
    "postgresql|postgresql-17|postgresql-16|postgresql-15:"
    "xvfb:"
    "xdotool:"
    "ffmpeg:"
)

ARCH=""
INSTALLED=" "
# Record, in one dpkg-query call, which of these packages are installed for this
# architecture (or are arch: all).
load_installed() {
    # dpkg-query exits 1 when a name is unknown (e.g. a t64 name on older releases).
    INSTALLED=" $({ dpkg-query -W -f='${Package} ${Architecture} ${db:Status-Abbrev}\n' "$@" 2>/dev/null || true; } |
        awk -v arch="$ARCH" '($2 == arch || $2 == "all") && $3 == "ii" {print $1}' | tr '\n' ' ')"
}
deb_installed() { [[ "$INSTALLED" == *" $1 "* ]]; }

# True if apt knows an installable version of the package.
apt_has_candidate() {
    local cand
    cand="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')"
    [ -n "$cand" ] && [ "$cand" != "(none)" ]
}

# The name to install for "a|b": the first with a candidate, else the last (the older
# name, which on newer releases apt still resolves through Provides:).
pick_alternative() {
    local alts alt
    IFS='|' read -r -a alts <<<"$1"
    for alt in "${alts[@]}"; do
        if apt_has_candidate "$alt"; then
            echo "$alt"
            return
        fi
    done
    echo "${alts[-1]}"
}

# Entries ("a|b") not satisfied by any installed alternative.
missing_debs() {
    local entry alts alt ok
    for entry in "$@"; do
        IFS='|' read -r -a alts <<<"$entry"
        ok=0
        for alt in "${alts[@]}"; do
            if deb_installed "$alt"; then ok=1; break; fi
        done
        [ "$ok" = 1 ] || echo "$entry"
    done
}

apt_install() { # packages...
    local log
    log="$(mktemp)"
    # shellcheck disable=SC2086  # $SUDO is empty or "sudo -n"
    if ! { $SUDO apt-get install -y -q --no-install-recommends "$@"; } >"$log" 2>&1; then
        tail -n 25 "$log" >&2
        rm -f "$log"
        die "apt-get install failed (see above)"
    fi
    rm -f "$log"
}

ensure_system_packages() {
    local py="$1"

    if [ "$(uname -s)" != Linux ]; then
        return 0 # macOS/Windows wheels carry everything they need
    fi

    local entries=() entry
    for entry in "${SYSTEM_PACKAGES[@]}"; do
        entries+=("${entry%%:*}")
    done
    # Debian splits venv/ensurepip out of the interpreter (python3.X-venv).
    # Debian's own interpreters leave venv/ensurepip to a separate python3.X-venv package.
    local need_venv_pkg=""
    if ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        if command -v dpkg >/dev/null 2>&1 && dpkg -S "$(readlink -f "$py")" >/dev/null 2>&1; then
            need_venv_pkg="python$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv"
        else
            die "$py cannot create virtual environments (no ensurepip): use another Python >= 3.11 (PYTHON=/path/to/python)"
        fi
    fi

    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        say "not a Debian/Ubuntu system (no apt-get/dpkg): checking libraries with ldconfig"
        local libs=() lib
        for entry in "${SYSTEM_PACKAGES[@]}"; do
            lib="${entry##*:}"
            [ -z "$lib" ] && continue
            PATH="$PATH:/sbin:/usr/sbin" ldconfig -p 2>/dev/null | grep -q "[[:space:]]$lib " ||
                libs+=("$lib")
        done
        if [ "${#libs[@]}" -gt 0 ]; then
            printf 'bootstrap: these libraries seem to be missing: %s\n' "${libs[*]}" >&2
            printf 'bootstrap: install them with your package manager (Qt 6, SDL and the loudness meter need them), or set KAPDESK_SKIP_SYSTEM_CHECK=1 to go on anyway\n' >&2
            [ "${KAPDESK_SKIP_SYSTEM_CHECK:-}" = 1 ] || exit 1
        fi
        return 0
    fi

    ARCH="$(dpkg --print-architecture)"
    local all_names
    all_names="$(printf '%s|' "${entries[@]}" "$need_venv_pkg" | tr '|' ' ')"
    # shellcheck disable=SC2086  # word splitting wanted: one name per word
    load_installed $all_names
    local missing=()
    mapfile -t missing < <(missing_debs "${entries[@]}")
    if [ -n "$need_venv_pkg" ] && ! deb_installed "$need_venv_pkg"; then
        missing+=("$need_venv_pkg")
    fi
    [ "${#missing[@]}" -eq 0 ] && return 0

    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            SUDO="sudo -n"
        else
            local names=() m
            for m in "${missing[@]}"; do names+=("$(pick_alternative "$m")"); done
            printf 'bootstrap: missing system packages: %s\n' "${names[*]}" >&2
            printf 'bootstrap: as root (or with sudo), run:\n' >&2
            printf '  sudo apt-get update && sudo apt-get install -y --no-install-recommends %s\n' "${names[*]}" >&2
            printf 'bootstrap: then run this command again.\n' >&2
            exit 1
        fi
    fi

    say "installing ${#missing[@]} missing system package(s) with apt-get"
    # Update first: a fresh image has no package lists, and names are resolved against them.
    # shellcheck disable=SC2086
    $SUDO apt-get update -q >/dev/null 2>&1 || $SUDO apt-get update -q >&2 ||
        die "apt-get update failed"
    local names=() m
    for m in "${missing[@]}"; do names+=("$(pick_alternative "$m")"); done
    say "apt-get install ${names[*]}"
    apt_install "${names[@]}"
}

# --- Virtual environment --------------------------------------------------------------

hash_inputs() {
    # What an install depends on: the declared dependencies, the interpreter, the place.
    "$VENV/bin/python" - "$ROOT" <<'EOF'
import hashlib, sys
root = sys.argv[1]
h = hashlib.sha256()
# The version is read from kapdesk/__init__.py into the installed metadata.
for name in ("pyproject.toml", "kapdesk/__init__.py"):
    with open(f"{root}/{name}", "rb") as f:
        h.update(f.read())
h.update(sys.version.encode())
h.update(root.encode())
print(h.hexdigest())
EOF
}

ensure_venv() {
    local py="$1"

    # A venv whose interpreter vanished (python upgraded or removed) or is too old is
    # rebuilt; a healthy one is kept.
    if [ -e "$VENV" ] && ! "$VENV/bin/python" -c \
        'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
        say "$VENV is broken or too old: recreating it"
        rm -rf "$VENV"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        say "creating $VENV with $py ($("$py" -c 'import platform; print(platform.python_version())'))"
        "$py" -m venv "$VENV" ||
            die "could not create $VENV (on Debian/Ubuntu: apt-get install python3-venv)"
    fi

    local want
    want="$(hash_inputs)"
    if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
        return 0 # dependencies unchanged since the last successful install
    fi
    say "installing kapdesk and its dependencies into .venv (pip)"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e '.[test,encryption,postgresql,release]'
    # Written only after success, so an interrupted install is retried next time.
    echo "$want" >"$STAMP"
}

setup() {
    local py
    py="$(find_python)" ||
        die "no Python >= 3.11 found (tried python3, python3.14 ... python3.11). Install one, e.g. 'apt-get install python3' on Debian 12 / Ubuntu 24.04, or set PYTHON=/path/to/python3.11+"
    ensure_system_packages "$py"
    ensure_venv "$py"
}

# --- Modes ----------------------------------------------------------------------------

# True if these kapdesk args open the window (no sub-command, no --help/--version).
opens_window() {
    local expect_value=0 arg
    for arg in "$@"; do
        if [ "$expect_value" = 1 ]; then expect_value=0; continue; fi
        case "$arg" in
            -h | --help | --version) return 1 ;;
            --data-dir | --db) expect_value=1 ;;
            -*) ;;
            *) return 1 ;; # a sub-command: runs in the terminal
        esac
    done
    return 0
}

check_display() {
    [ "$(uname -s)" = Linux ] || return 0
    [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] || return 0
    cat >&2 <<'EOF'
bootstrap: no display: DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are all unset,
bootstrap: so kapdesk has no screen to open its window on. Either:
  - run it from a terminal inside the desktop session of the room PC;
  - or on a headless machine use a virtual X server:
        sudo apt-get install xvfb && xvfb-run -a ./bootstrap.sh start
  - or from another computer: ssh -X user@room-pc, then ./bootstrap.sh start
(Terminal sub-commands such as './bootstrap.sh start protocols list' need no display.)
EOF
    exit 2
}

mode_start() {
    # Checked before setup so a headless machine gets the answer at once.
    if opens_window "$@"; then check_display; fi
    setup
    say "starting kapdesk"
    exec "$VENV/bin/kapdesk" "$@"
}

mode_test() {
    SYSTEM_PACKAGES+=("${TEST_PACKAGES[@]}")
    setup
    local failed=() rc
    # Lint and types first, pytest last: its summary line is the run's closing line.
    say "ruff check kapdesk tests bench packaging"
    "$VENV/bin/ruff" check kapdesk tests bench packaging || failed+=("ruff")
    say "mypy (files from pyproject.toml)"
    "$VENV/bin/mypy" || failed+=("mypy")
    say "pytest${*:+ $*}"
    rc=0
    "$VENV/bin/python" -m pytest "$@" || rc=$?
    # Any non-zero is a failure, including 5 (no tests collected).
    if [ "$rc" -ne 0 ]; then failed+=("pytest (exit $rc)"); fi
    if [ "${#failed[@]}" -gt 0 ]; then
        local list
        list="$(printf '%s, ' "${failed[@]}")"
        printf 'bootstrap: FAILED: %s\n' "${list%, }" >&2
        exit 1
    fi
}

mode_release() {
    setup
    say "building the frozen folder and the .deb (packaging/build_release.py${*:+ $*})"
    exec "$VENV/bin/python" "$ROOT/packaging/build_release.py" "$@"
}

main() {
    local mode="${1:-}"
    [ $# -gt 0 ] && shift
    case "$mode" in
        start) mode_start "$@" ;;
        test) mode_test "$@" ;;
        release) mode_release "$@" ;;
        -h | --help | help) usage ;;
        *)
            usage >&2
            exit 2
            ;;
    esac
}

main "$@"
