#!/usr/bin/env bash
# Install WedSync Desktop for the current user from this checkout.
#
# Creates a virtual environment in $XDG_DATA_HOME/wedsync-desktop/venv
# (default ~/.local/share/wedsync-desktop/venv), installs the program into it,
# links ~/.local/bin/wedsync-desktop and adds the menu entry and icon under
# $XDG_DATA_HOME. Running it again upgrades the installed copy in place. On
# Debian it first installs Qt's system libraries if any is missing, and sudo
# prompts for your password for that step unless you are root.
#
# Usage: bash packaging/linux/install.sh
# Environment: PYTHON selects the interpreter (default python3, 3.11 or newer).
set -euo pipefail

APP_ID="wedsync-desktop"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
VENV="$DATA_HOME/$APP_ID/venv"
BIN_LINK="$HOME/.local/bin/$APP_ID"
DESKTOP_FILE="$DATA_HOME/applications/$APP_ID.desktop"
ICON_FILE="$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg"
PYTHON="${PYTHON:-python3}"

step() { printf '==> %s\n' "$*"; }

fail() {
    printf 'install.sh: %s\n' "$*" >&2
    exit 1
}

main() {
    if (($# > 0)); then
        fail "unexpected argument: $1 (usage: bash packaging/linux/install.sh)"
    fi
    [[ -f "$REPO_ROOT/pyproject.toml" ]] ||
        fail "$REPO_ROOT is not a WedSync Desktop checkout (no pyproject.toml)"

    check_link_free
    bash "$REPO_ROOT/packaging/bootstrap.sh" --system-only
    create_venv
    # pip always reinstalls a project given as a folder, so this also upgrades.
    step "Installing WedSync Desktop into $VENV"
    "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input \
        --quiet "$REPO_ROOT"
    link_command
    install_menu_entry
    step "Installed. Start WedSync Desktop from the menu or run: $BIN_LINK"
    case ":$PATH:" in
        *":$HOME/.local/bin:"*) ;;
        *) step "$HOME/.local/bin is not on PATH; log out and in, or add it" ;;
    esac
}

create_venv() {
    if [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c "" 2>/dev/null; then
        return 0
    fi
    command -v "$PYTHON" >/dev/null ||
        fail "$PYTHON not found; install Python 3.11 or newer, or set PYTHON"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        fail "$PYTHON is $("$PYTHON" -V 2>&1); WedSync Desktop needs 3.11 or newer"
    step "Creating $VENV with $("$PYTHON" -V 2>&1)"
    mkdir -p "$(dirname "$VENV")"
    chmod 700 "$(dirname "$VENV")"
    "$PYTHON" -m venv --clear "$VENV"
}

check_link_free() {
    if [[ -e "$BIN_LINK" || -L "$BIN_LINK" ]] &&
        [[ "$(readlink "$BIN_LINK")" != "$VENV/bin/$APP_ID" ]]; then
        fail "$BIN_LINK exists and is not this installer's link; move it away and run again"
    fi
}

link_command() {
    mkdir -p "$(dirname "$BIN_LINK")"
    ln -sfn "$VENV/bin/$APP_ID" "$BIN_LINK"
}

install_menu_entry() {
    step "Adding the menu entry and icon under $DATA_HOME"
    mkdir -p "$(dirname "$DESKTOP_FILE")" "$(dirname "$ICON_FILE")"
    # An absolute Exec works even where ~/.local/bin is not on the menu's PATH.
    sed -e "s|^Exec=.*|Exec=$VENV/bin/$APP_ID|" \
        -e "s|^TryExec=.*|TryExec=$VENV/bin/$APP_ID|" \
        "$REPO_ROOT/resources/$APP_ID.desktop" >"$DESKTOP_FILE"
    install -m 644 "$REPO_ROOT/resources/icons/$APP_ID.svg" "$ICON_FILE"
}

main "$@"
