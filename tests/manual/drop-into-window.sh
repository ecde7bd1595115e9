#!/bin/sh
# drop-into-window.sh: drags two files, a link and a pasted text onto a fresh Rashomon
# window under Xvfb, the way a person would, and keeps a screenshot after each drop.
#
#   tests/manual/drop-into-window.sh [BUILD_DIR] [OUTPUT_DIR]
#
# Needs Xvfb, xdotool, ImageMagick's import and python3 (the link is served by a local
# http.server). GTK 4.8 has no API to inject a drop; a drag from another X client (the
# drag-source program built next to this script) is a real one.
#
# SPDX-FileCopyrightText: 2026 Rashomon contributors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

build=$(cd "${1:-build}" && pwd)
out=${2:-$build/drop-check}
src=$(cd "$(dirname "$0")/../.." && pwd)
fixtures=$src/tests/fixtures/drop

for tool in Xvfb xdotool import python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "drop-into-window: needs $tool (apt-get install xvfb xdotool imagemagick python3)" >&2
    exit 77
  fi
done

mkdir -p "$out"
work=$(mktemp -d)
display=:$((50 + $$ % 40))
pids=

cleanup () {
  for pid in $pids; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
pids="$pids $!"
export DISPLAY="$display"
sleep 1

python3 -u -m http.server --bind 127.0.0.1 --directory "$fixtures" 0 >"$work/http.log" 2>&1 &
pids="$pids $!"
port=
for _ in 1 2 3 4 5 6 7 8 9 10; do
  port=$(sed -n 's/.* port \([0-9]*\) .*/\1/p' "$work/http.log" | head -n 1)
  [ -n "$port" ] && break
  sleep 0.5
done
[ -n "$port" ] || { echo "drop-into-window: the local web server did not start" >&2; exit 1; }

GDK_BACKEND=x11 GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
  "$build/app/gui/rashomon" >"$work/app.log" 2>&1 &
pids="$pids $!"
xdotool search --sync --name "Untitled project" >/dev/null

GDK_BACKEND=x11 "$build/tests/drag-source" \
  --file "$fixtures/bay-gazette.txt" --file "$fixtures/harbour-bulletin.md" \
  --link "http://127.0.0.1:$port/harbour-courier.html" \
  --text "Fishing co-operative chairman Aldo Brenn said on Monday that boats would stay in port until the inspectors publish their results." \
  >/dev/null 2>&1 &
pids="$pids $!"
source_window=$(xdotool search --sync --name "Rashomon drag source" | head -n 1)
xdotool windowmove "$source_window" 1150 50
sleep 1

# drag FROM_X FROM_Y: press on the drag source, move in steps onto the window, release.
drag () {
  xdotool mousemove "$1" "$2"
  sleep 0.3
  xdotool mousedown 1
  sleep 0.3
  for step in 1 2 3 4 5 6 7 8 9 10; do
    xdotool mousemove $(($1 + (540 - $1) * step / 10)) $(($2 + (400 - $2) * step / 10))
    sleep 0.1
  done
  sleep 0.5
  xdotool mouseup 1
}

drag 1240 90
sleep 4
import -window root "$out/1-files.png"

drag 1240 170
sleep 4
import -window root "$out/2-link.png"

drag 1240 250
sleep 2
import -window root "$out/3-text-asks-outlet.png"
xdotool type --delay 30 "Harbour Radio"
xdotool key Return
sleep 4
import -window root "$out/4-text.png"

echo "drop-into-window: screenshots in $out (files, link, text); the app said:"
cat "$work/app.log"
