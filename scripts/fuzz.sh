#!/usr/bin/env bash
# Builds crosscheck's libFuzzer targets (Tests/Fuzz/) and runs them for a given time.
#
# Usage: scripts/fuzz.sh [--minutes N | --seconds N] [--target T ...] [--jobs J] [--build-only]
#   --minutes N / --seconds N   how long each target runs (default: 1 minute)
#   --target T                  run only T (repeatable); targets: wikitext markdown plaintext
#                               frontmatter diff check config (default: all)
#   --jobs J                    how many targets run at once (default: the number of cores)
#   --build-only                build the fuzz binary and the seed corpus, run nothing
#
# The build does not depend on how Sources/ is split into targets: the sources of every library
# target (each folder of Sources/ without a main.swift) and of Tests/Fuzz/ are compiled into one
# module, with the package's own `import CrossCheck...` lines dropped. It needs only the Swift
# toolchain (swiftc with -sanitize=fuzzer,address) and is rebuilt only when a source changes.
#
# Everything it writes is under .build/fuzz/: the binary, the seed corpus (made on each run from
# seeds/, Tests/Fixtures/ and the invented snippets in Tests/Fuzz/Seeds/), the corpus each target
# grows (kept between runs), logs, and crash inputs in .build/fuzz/crashes/TARGET/. A crash, hang
# (an input taking over 10 s), leak or broken invariant exits 1 and names the input; turn each
# one into a reproducer under Tests/ with a test.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets="wikitext markdown plaintext frontmatter diff check config"
seconds=60
targets=""
jobs=$(nproc 2>/dev/null || echo 2)
build_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) seconds=$(( ${2:?--minutes needs a value} * 60 )); shift 2 ;;
    --seconds) seconds=${2:?--seconds needs a value}; shift 2 ;;
    --target) targets="$targets ${2:?--target needs a value}"; shift 2 ;;
    --jobs) jobs=${2:?--jobs needs a value}; shift 2 ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fuzz.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
targets=${targets:-$all_targets}
for t in $targets; do
  case " $all_targets " in *" $t "*) ;; *) echo "fuzz.sh: unknown target $t (want one of: $all_targets)" >&2; exit 2 ;; esac
done

work=.build/fuzz
bin=$work/crosscheck-fuzz
mkdir -p "$work"

# ---- build ---------------------------------------------------------------------------------
# Library folders: every folder of Sources/ that holds no main.swift (executables have one).
lib_dirs=()
for d in Sources/*/; do
  d=${d%/}
  [ -n "$(find "$d" -name main.swift -print -quit)" ] && continue
  lib_dirs+=("$d")
done
src=$work/src
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -package-name crosscheck -module-name CrossCheckFuzz)
stamp=$( { printf '%s\n' "${flags[@]}"; find "${lib_dirs[@]}" Tests/Fuzz -name '*.swift' -type f | LC_ALL=C sort | xargs cat; } | cksum)
if [ ! -x "$bin" ] || [ "$(cat "$work/stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$src"; mkdir -p "$src"
  # Flattened names: two targets may each hold a file with the same name, which one module cannot.
  find "${lib_dirs[@]}" Tests/Fuzz -name '*.swift' -type f | LC_ALL=C sort | while IFS= read -r f; do
    sed -E '/^[[:space:]]*(@testable[[:space:]]+)?(package[[:space:]]+|public[[:space:]]+|internal[[:space:]]+|@_exported[[:space:]]+)?import[[:space:]]+CrossCheck[A-Za-z0-9_]*[[:space:]]*$/d' \
      "$f" > "$src/$(echo "$f" | tr '/' '_')"
  done
  echo "fuzz.sh: building $bin from ${#lib_dirs[@]} library folder(s) and Tests/Fuzz ..." >&2
  started=$(date +%s)
  # The linker's "Cannot export local symbol '__asan_..." lines are noise: keep the log for failures.
  if ! swiftc "${flags[@]}" -suppress-warnings "$src"/*.swift -o "$bin" > "$work/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$work/build.log" >&2
    echo "fuzz.sh: build failed (full log: $work/build.log)" >&2
    exit 2
  fi
  echo "$stamp" > "$work/stamp"
  echo "fuzz.sh: built in $(( $(date +%s) - started )) s" >&2
fi

# ---- seed corpus -----------------------------------------------------------------------------
# Rebuilt every run (cheap): real files, small invented snippets of every construct, and
# combinations for the targets that take several documents (parts separated by NUL bytes).
seeds=$work/seeds
rm -rf "$seeds"
for t in $all_targets; do mkdir -p "$seeds/$t"; done
n=0
add() {  # add TARGET FILE...: one seed made of the files joined by NUL bytes
  local t=$1; shift
  n=$((n + 1))
  local out="$seeds/$t/seed-$n" first=1
  : > "$out"
  for f in "$@"; do
    [ $first = 1 ] || printf '\0' >> "$out"
    first=0
    cat "$f" >> "$out"
  done
}
add_raw() {  # add_raw TARGET BYTES-FROM-STDIN
  n=$((n + 1)); cat > "$seeds/$1/seed-$n"
}
inputs=()
while IFS= read -r f; do inputs+=("$f"); done < <(
  { find seeds Tests/Fixtures -type f ! -name crosscheck.json ! -name '.*'; } | LC_ALL=C sort)
for f in "${inputs[@]}"; do
  for t in wikitext markdown plaintext frontmatter; do add "$t" "$f"; done
done
for t in wikitext markdown plaintext frontmatter diff check config; do
  # Inputs that once crashed a target (each has a test) stay in its corpus.
  if [ -d "Tests/Fuzz/Crashes/$t" ]; then
    for f in Tests/Fuzz/Crashes/"$t"/*; do [ -f "$f" ] && add "$t" "$f"; done
  fi
  if [ -d "Tests/Fuzz/Seeds/$t" ]; then
    for f in Tests/Fuzz/Seeds/"$t"/*; do [ -f "$f" ] && add "$t" "$f"; done
  fi
done
# Every snippet of every format also goes to every parser: detection is part of the job.
for f in Tests/Fuzz/Seeds/{wikitext,markdown,plaintext,frontmatter}/*; do
  [ -f "$f" ] || continue
  for t in wikitext markdown plaintext frontmatter; do add "$t" "$f"; done
done
# diff: consecutive inputs of the same set, and each snippet against the next one.
prev=""
for f in "${inputs[@]}" Tests/Fuzz/Seeds/{wikitext,markdown,plaintext,frontmatter}/*; do
  [ -f "$f" ] || continue
  [ -n "$prev" ] && add diff "$prev" "$f"
  add diff "$f" "$f"
  prev=$f
done
# check: each fixture set (up to four files after a control byte), and the seeds.
ctl=$work/control
for set in seeds Tests/Fixtures/*/; do
  files=()
  while IFS= read -r f; do files+=("$f"); done < <(find "$set" -maxdepth 1 -type f ! -name crosscheck.json ! -name '.*' | LC_ALL=C sort | head -n 4)
  [ ${#files[@]} -gt 0 ] || continue
  for c in '\001' '\203' '\017'; do
    printf "$c" > "$ctl"
    n=$((n + 1)); out="$seeds/check/seed-$n"
    { cat "$ctl"; first=1; for f in "${files[@]}"; do [ $first = 1 ] || printf '\0'; first=0; cat "$f"; done; } > "$out"
  done
done
# config: each manifest, with a command line after the NUL.
args=(
  $'--format\njson\n--output\nx' $'--format\nmarkdown\n--output\n-\n--format\njson\n--output\na.json'
  $'--output\nr.md\n--output\nr.sarif\n--fail-on\nwarning' $'--write-baseline\n-\n--baseline\nb.json'
  $'--enable\nmerged-words,date-format\n--disable=duplicate-section' $'--context\na\nb\n--\n-x'
)
i=0
for f in seeds/crosscheck.json Tests/Fixtures/*/crosscheck.json Tests/Fuzz/Seeds/config/*; do
  [ -f "$f" ] || continue
  { cat "$f"; printf '\0%s' "${args[$((i % ${#args[@]}))]}"; } | add_raw config
  i=$((i + 1))
done
rm -f "$ctl"
[ "$build_only" = 1 ] && { echo "fuzz.sh: built $bin and $n seeds in $seeds" >&2; exit 0; }

# ---- run -----------------------------------------------------------------------------------
mkdir -p "$work/logs"
# Smaller inputs run faster and mutate better; a set of documents gets less room per document.
# (A whole check of up to four documents runs every rule and report: about 2 inputs a second
# at 16 KB under ASan, so its inputs stay small.)
max_len() { case "$1" in check|config) echo 4096 ;; diff) echo 8192 ;; *) echo 16384 ;; esac; }
run_one() {
  local t=$1
  mkdir -p "$work/corpus/$t" "$work/crashes/$t"
  # SWIFT_BACKTRACE=enable=no: else Swift's backtracer catches the crash before libFuzzer and a
  # swift-backtrace process lingers.
  CROSSCHECK_FUZZ_TARGET=$t SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 \
    nice -n 10 "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
      -print_final_stats=1 -artifact_prefix="$work/crashes/$t/" \
      "$work/corpus/$t" "$seeds/$t" > "$work/logs/$t.log" 2>&1
}
echo "fuzz.sh: running $(echo $targets | wc -w) target(s) for ${seconds} s each, $jobs at a time" >&2
pids=(); names=()
status=0
for t in $targets; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
  run_one "$t" &
  pids+=($!); names+=("$t")
done
failed=""
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then failed="$failed ${names[$i]}"; fi
done
printf '%-12s %14s %10s %8s  %s\n' target executions exec/s corpus result
total=0
for t in $targets; do
  log=$work/logs/$t.log
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1)
  rate=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1)
  corpus=$(find "$work/corpus/$t" -type f | wc -l)
  result=ok
  case " $failed " in *" $t "*)
    why=$(grep -m1 -oE 'Swift runtime failure: [^/]*|Fatal error: .*|invariant broken.*|ERROR: (AddressSanitizer|LeakSanitizer): [a-z-]+|ERROR: libFuzzer: [a-z -]+' "$log" | head -n 1)
    input=$(grep -m1 -oE '(Test unit|Crash input) written to [^ ]+|artifact_prefix=[^;]*; Test unit written to [^ ]+' "$log" | grep -oE '[^ ]+$' | head -n 1)
    result="FAILED: ${why:-see log} ${input:+($input)} log: $log"
    status=1 ;;
  esac
  printf '%-12s %14s %10s %8s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
  total=$(( total + ${execs:-0} ))
done
echo "total executions: $total"
if [ "$status" != 0 ]; then
  echo "fuzz.sh: failures above; inputs in $work/crashes/ (rerun one: CROSSCHECK_FUZZ_TARGET=T SWIFT_BACKTRACE=enable=no $bin FILE)" >&2
fi
exit $status
