#!/usr/bin/env bash
# The interface in a real terminal (tmux) over a store of 1,000,000 runs: time to the first full
# frame from launch, bytes written for a one-row cursor move, and peak memory.
# Usage: Benchmarks/terminal.sh [runs]   (builds release binaries first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000000}"
swift build -c release --product flowdash >/dev/null
swift build -c release --product flowdash-bench >/dev/null
bin="$PWD/.build/release"
work=$(mktemp -d)
trap 'tmux -S "$work/sock" kill-server 2>/dev/null || true; cp "$work/bytes.bin" /tmp/last-move.bin 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/ws/flows"
"$bin/flowdash-bench" --fill-workspace "$work/ws" --runs "$runs"

now_ms() { date +%s%3N; }
screen() { tmux -S "$work/sock" capture-pane -p -t t; }
wait_for() { # text, timeout ms
  local deadline=$(( $(now_ms) + $2 ))
  until screen | grep -qF -- "$1"; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "timed out waiting for '$1'"; screen; exit 1; }
  done
}

# Baseline: the same launch of a program that prints the awaited text at once, so tmux's own
# start-up can be told apart from FlowDash's.
start=$(now_ms)
tmux -S "$work/sock" -f /dev/null new-session -d -s t -x 200 -y 60 "echo 'Needs attention'; sleep 30"
wait_for "Needs attention" 10000
baseline=$(( $(now_ms) - start ))
tmux -S "$work/sock" kill-server

start=$(now_ms)
tmux -S "$work/sock" -f /dev/null new-session -d -s t -x 200 -y 60 \
  "env -i PATH=$PATH HOME=$work TERM=tmux-256color LANG=C.UTF-8 XDG_STATE_HOME=$work/state $bin/flowdash --workspace $work/ws"
wait_for "Needs attention" 10000
first_frame=$(( $(now_ms) - start ))
sleep 2.5   # let the first live refresh pass, so only the move is measured

before=$(tmux -S "$work/sock" capture-pane -p -e -t t | md5sum)
tmux -S "$work/sock" pipe-pane -o -t t "cat > $work/bytes.bin"
tmux -S "$work/sock" send-keys -t t j
deadline=$(( $(now_ms) + 5000 ))
until [ "$(tmux -S "$work/sock" capture-pane -p -e -t t | md5sum)" != "$before" ]; do
  [ "$(now_ms)" -lt "$deadline" ] || { echo "the cursor did not move"; exit 1; }
done
sleep 0.2
tmux -S "$work/sock" pipe-pane -t t
move_bytes=$(wc -c < "$work/bytes.bin")

pane=$(tmux -S "$work/sock" display -p -t t '#{pane_pid}')
app=$(tr ' ' '\n' < "/proc/$pane/task/$pane/children" | head -1)
[ -n "$app" ] || app=$pane
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$app/status")
tmux -S "$work/sock" send-keys -t t q

printf '%-48s %s\n' "runs stored" "$runs"
printf '%-48s %s ms, of which tmux itself %s ms  (goal < 100 ms)\n' "launch to first full frame (200x60)" "$first_frame" "$baseline"
printf '%-48s %s bytes  (goal < 200)\n' "bytes written for a one-row cursor move" "$move_bytes"
printf '%-48s %s MiB  (goal < 50)\n' "peak memory (VmHWM)" "$(awk "BEGIN {printf \"%.1f\", $peak_kb/1024}")"
