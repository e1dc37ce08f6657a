#!/bin/sh
# A training program stopped by a signal leaves nothing half-written behind: no temporary
# file (*.tmp-*), no new results file, and the previous results as they were.
#
#   interrupted_run.sh WORKDIR SIGNAL PROGRAM [ARGS...]
#
# Runs PROGRAM ARGS in a fresh WORKDIR holding a previous results file (previous.csv, which
# must survive), waits until the program has opened its output files (their temporary files
# appear), lets it train a moment, sends SIGNAL (TERM or HUP; SIGINT is ignored by background
# jobs of a script, so Ctrl-C is tested by the kit's own tests), and checks that the program
# ended by that signal. Every wait is bounded: the whole case takes a few seconds.
set -u
workdir=$1
signal=$2
shift 2

fail() {
  echo "FAIL: $*"
  [ -f "$workdir/run.log" ] && { echo "--- output of the program ---"; cat "$workdir/run.log"; }
  exit 1
}

rm -rf "$workdir" && mkdir -p "$workdir" && cd "$workdir" || fail "cannot create $workdir"
echo "previous run" >previous.csv

"$@" >run.log 2>&1 &
pid=$!
# A watchdog, so that a program that ignores the signal cannot hang the test. Its output
# goes to a file: an orphaned sleep must not hold ctest's pipe open.
( sleep 20; kill -KILL "$pid" ) >watchdog.log 2>&1 &
watchdog=$!

tries=0
while [ -z "$(find . -name '*.tmp-*' | head -n 1)" ]; do
  tries=$((tries + 1))
  [ "$tries" -gt 100 ] && { kill -KILL "$pid"; fail "no temporary file after 10 s"; }
  sleep 0.1
done
sleep 0.5  # into training
echo "temporary files before the signal: $(find . -name '*.tmp-*' | tr '\n' ' ')"
kill -s "$signal" "$pid" || fail "the program ended before the signal"
wait "$pid"
code=$?
kill "$watchdog" 2>watchdog.log

case $signal in
  HUP) number=1 ;;
  TERM) number=15 ;;
  *) fail "unknown signal $signal (expected TERM or HUP)" ;;
esac
expected=$((128 + number))
[ "$code" -eq "$expected" ] ||
  fail "exit status $code, expected $expected (ended by SIG$signal; 137 is the watchdog's SIGKILL)"
left=$(find . -name '*.tmp-*')
[ -z "$left" ] || fail "temporary files left behind: $left"
[ "$(cat previous.csv)" = "previous run" ] || fail "previous.csv was changed"
others=$(find . -type f ! -name run.log ! -name watchdog.log ! -name previous.csv)
[ -z "$others" ] || fail "files written by an interrupted run: $others"
echo "PASS: ended by SIG$signal, no temporary file left"
