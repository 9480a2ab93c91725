# Sourced by build.sh, size.sh and test.sh: `apt_install PKG...` installs the Debian packages that are
# not installed yet (apt-get update once per script run), as root or through sudo.
# The caller defines `log`.

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    log "missing ${missing[*]} and no apt-get: install them by hand"; return 1
  fi
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"; $SUDO apt-get update -qq; apt_updated=1
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
}
