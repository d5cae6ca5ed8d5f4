#!/usr/bin/env bash
# Remove what packaging/linux/install.sh added for the current user: the
# virtual environment, the ~/.local/bin link, the menu entry and the icon.
#
# Your workspace (suppliers, backups), settings and logs are never removed,
# and the script prints where they are.
#
# Usage: bash packaging/linux/uninstall.sh
set -euo pipefail

APP_ID="wedsync-desktop"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
VENV="$DATA_HOME/$APP_ID/venv"
BIN_LINK="$HOME/.local/bin/$APP_ID"
DESKTOP_FILE="$DATA_HOME/applications/$APP_ID.desktop"
ICON_FILE="$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg"

step() { printf '==> %s\n' "$*"; }

fail() {
    printf 'uninstall.sh: %s\n' "$*" >&2
    exit 1
}

main() {
    if (($# > 0)); then
        fail "unexpected argument: $1 (usage: bash packaging/linux/uninstall.sh)"
    fi
    local folders
    folders="$(user_folders)"

    remove_link
    remove_file "$DESKTOP_FILE"
    remove_file "$ICON_FILE"
    remove_venv

    step "WedSync Desktop is uninstalled. Your data was kept:"
    printf '%s\n' "$folders"
    step "Delete those folders yourself only if you no longer need the suppliers."
}

# Prints the data, settings and log folders. The installed program prints them
# while it still runs, so the paths match the ones it used.
user_folders() {
    local code
    code='from wedsync_desktop.paths import default_paths
paths = default_paths()
print(f"    workspace and backups: {paths.data_dir}")
print(f"    settings: {paths.config_dir}")
print(f"    logs: {paths.log_dir}")'
    if [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c "$code" 2>/dev/null; then
        return 0
    fi
    # The platformdirs rules for Linux, for when the program no longer runs.
    printf '    workspace and backups: %s\n' "$DATA_HOME/$APP_ID"
    printf '    settings: %s\n' "${XDG_CONFIG_HOME:-$HOME/.config}/$APP_ID"
    printf '    logs: %s\n' "${XDG_STATE_HOME:-$HOME/.local/state}/$APP_ID/log"
}

remove_link() {
    if [[ -L "$BIN_LINK" && "$(readlink "$BIN_LINK")" == "$VENV/bin/$APP_ID" ]]; then
        rm -f "$BIN_LINK"
        step "Removed $BIN_LINK"
    elif [[ -e "$BIN_LINK" || -L "$BIN_LINK" ]]; then
        step "Kept $BIN_LINK: it was not made by install.sh"
    fi
}

remove_file() {
    if [[ -f "$1" ]]; then
        rm -f "$1"
        step "Removed $1"
    fi
}

# Removes only the venv folder inside the data folder, and only when it looks
# like a virtual environment, so a wrong VENV value cannot delete user data.
remove_venv() {
    if [[ ! -e "$VENV" ]]; then
        return 0
    fi
    if [[ ! -f "$VENV/pyvenv.cfg" || "$VENV" != */"$APP_ID"/venv ]]; then
        fail "$VENV is not a virtual environment; remove it by hand if it is safe"
    fi
    rm -rf -- "$VENV"
    step "Removed $VENV"
}

main "$@"
