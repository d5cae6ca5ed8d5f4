#!/usr/bin/env bash
# Prepare a Debian 12 machine to run WedSync Desktop from this checkout.
#
# Installs the Debian packages that Qt needs (only when one is missing, so a
# repeated run neither calls apt-get nor needs the network), creates .venv in
# the checkout and installs the project into it in editable mode.
#
# Usage: bash packaging/bootstrap.sh [--test | --system-only]
#   --test          also install the test and lint tools (the [test] extra)
#   --system-only   install the Debian packages only (used by linux/install.sh)
# Environment: PYTHON selects the interpreter for a new .venv (default python3).
# Runs as root, or as a user with sudo for the apt-get step.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_ROOT/.venv"
STAMP="$VENV/.wedsync-bootstrap"
PYTHON="${PYTHON:-python3}"

# Qt 6 (PySide6) on X11 or offscreen, and an emoji font because suppliers use
# emoji in names and taglines. Each name was checked with apt-cache policy on
# Debian 12 (bookworm).
DEBIAN_PACKAGES=(
    python3 python3-venv python3-pip
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
    libdbus-1-3 libglib2.0-0 fonts-dejavu-core fonts-noto-color-emoji
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
    libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 libxcb-shape0 libxcb-randr0
)

step() { printf '==> %s\n' "$*"; }

fail() {
    printf 'bootstrap.sh: %s\n' "$*" >&2
    exit 1
}

usage() {
    cat <<'USAGE'
Usage: bash packaging/bootstrap.sh [--test | --system-only]
Installs Qt's Debian packages when missing, creates .venv and installs
WedSync Desktop into it. --test also installs the test and lint tools;
--system-only installs the Debian packages and stops.
USAGE
}

main() {
    local extras="" system_only=false
    while (($# > 0)); do
        case "$1" in
            --test) extras="[test]" ;;
            --system-only) system_only=true ;;
            -h | --help)
                usage
                return 0
                ;;
            *)
                usage >&2
                fail "unknown option: $1"
                ;;
        esac
        shift
    done

    install_debian_packages
    if [[ "$system_only" == true ]]; then
        return 0
    fi
    create_venv
    install_project "$extras"
    step "Ready: run .venv/bin/wedsync-desktop"
}

install_debian_packages() {
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        step "No dpkg-query or apt-get (not Debian): install Qt's libraries yourself"
        return 0
    fi
    local missing
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} == 0)); then
        step "Debian packages for Qt: all ${#DEBIAN_PACKAGES[@]} installed"
        return 0
    fi
    step "Installing ${#missing[@]} Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
        fail "apt-get update failed; check the network and the apt sources"
    run_quietly as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} > 0)); then
        fail "Debian packages still missing after apt-get install: ${missing[*]}"
    fi
}

missing_packages() {
    local package status
    for package in "${DEBIAN_PACKAGES[@]}"; do
        status="$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)"
        if [[ "$status" != installed ]]; then
            printf '%s\n' "$package"
        fi
    done
}

create_venv() {
    if [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c "" 2>/dev/null; then
        return 0
    fi
    command -v "$PYTHON" >/dev/null ||
        fail "$PYTHON not found; install Python 3.11 or newer, or set PYTHON"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        fail "$PYTHON is $("$PYTHON" -V 2>&1); WedSync Desktop needs 3.11 or newer"
    if [[ -e "$VENV" ]]; then
        step "Recreating $VENV because its Python no longer runs"
        run_quietly "$PYTHON" -m venv --clear "$VENV"
    else
        step "Creating $VENV with $("$PYTHON" -V 2>&1)"
        run_quietly "$PYTHON" -m venv "$VENV"
    fi
    rm -f "$STAMP"
}

# Skips pip when pyproject.toml is unchanged since the last install and that
# install had the requested extras (an install with [test] also serves a plain
# run). An editable install already picks up every change to the code, and
# skipping pip keeps a repeated run fast and free of network access.
install_project() {
    local extras="$1" wanted installed=""
    wanted="$(sha256sum "$REPO_ROOT/pyproject.toml" | cut -d' ' -f1) $extras"
    if [[ -x "$VENV/bin/wedsync-desktop" && -f "$STAMP" ]]; then
        installed="$(<"$STAMP")"
    fi
    if [[ -n "$installed" && ("$installed" == "$wanted" || "$installed" == "${wanted}[test]") ]]; then
        step "wedsync-desktop$extras is up to date in .venv"
        return 0
    fi
    step "Installing wedsync-desktop$extras into .venv (pip, editable)"
    run_quietly "$VENV/bin/python" -m pip install --disable-pip-version-check \
        --no-input --quiet --editable "$REPO_ROOT$extras"
    printf '%s\n' "$wanted" >"$STAMP"
}

as_root() {
    if ((EUID == 0)); then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        fail "installing Debian packages needs root; run as root or install sudo"
    fi
}

# Runs a command with its output kept in a temporary file, shown only on failure.
run_quietly() {
    local log status=0
    log="$(mktemp)"
    "$@" >"$log" 2>&1 || status=$?
    if ((status != 0)); then
        cat "$log" >&2
        rm -f "$log"
        fail "command failed with status $status: $*"
    fi
    rm -f "$log"
}

main "$@"
