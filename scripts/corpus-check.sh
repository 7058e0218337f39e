#!/usr/bin/env bash
# The corpus check: crosscheck's findings on real articles and edits, compared with a reviewed list.
#
#   scripts/corpus-check.sh            compare with Tests/Corpus/expected-findings.tsv (exit 1 on any difference)
#   scripts/corpus-check.sh --update   rewrite that file from this run, keeping the reasons of the
#                                      findings that remain and marking new ones "REASON?"
#   scripts/corpus-check.sh --list     print this run's findings (TSV) and nothing else
#
# What it runs (release build of `crosscheck`), on the real-text corpus that nobody here wrote:
#   - `check` on every article in corpus/articles/ alone (a set of one variant);
#   - `gate OLD NEW` on every edit in corpus/multilingual/*/ (NNN-old.wiki -> NNN-new.wiki);
#   - `gate` on every consecutive pair of corpus/anarchism/consecutive/.
# It collects every warning and error (for `gate`, the introduced ones) as one line each:
#   item <TAB> rule <TAB> severity <TAB> location <TAB> message
# sorted bytewise, and compares them with the expectation file, whose lines carry a sixth column:
# a one-line reason why the finding is right ("REASON?" until someone has reviewed it). New
# findings and vanished findings both fail, and so does a line still marked "REASON?". An input
# that makes crosscheck exit 2 (or crash) is recorded as a finding of rule "crosscheck".
#
# Environment:
#   CROSSCHECK_CORPUS  the corpus folder (default: ../shared/corpus beside the repository, as in
#                      CI's fresh clone, else /work/shared/corpus)
#   CROSSCHECK_BIN     a crosscheck binary to use instead of building the release one
#   CORPUS_CHECK_JOBS  parallel processes (default: the number of cores)
# Needs jq (installed with apt-get when missing).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
expected="$root/Tests/Corpus/expected-findings.tsv"
mode=check
case "${1:-}" in
  "") ;;
  --update) mode=update ;;
  --list) mode=list ;;
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "corpus-check: unknown option '$1' (use --update, --list or --help)" >&2; exit 2 ;;
esac

corpus="${CROSSCHECK_CORPUS:-}"
if [[ -z "$corpus" ]]; then
  if [[ -d "$root/../shared/corpus" ]]; then corpus="$root/../shared/corpus"; else corpus=/work/shared/corpus; fi
fi
if [[ ! -d "$corpus/articles" || ! -d "$corpus/multilingual" || ! -d "$corpus/anarchism/consecutive" ]]; then
  echo "corpus-check: no corpus at '$corpus' (expected articles/, multilingual/, anarchism/consecutive/; set CROSSCHECK_CORPUS)" >&2
  exit 2
fi
corpus="$(cd "$corpus" && pwd)"

if ! command -v jq >/dev/null 2>&1; then
  echo "corpus-check: installing jq (apt)..." >&2
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y -qq jq >/dev/null 2>&1 || { $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq jq >/dev/null; }
fi

bin="${CROSSCHECK_BIN:-}"
if [[ -z "$bin" ]]; then
  (cd "$root" && swift build -c release --product crosscheck >&2)
  bin="$(cd "$root" && swift build -c release --show-bin-path)/crosscheck"
fi
[[ -x "$bin" && -f "$bin" ]] || { echo "corpus-check: '$bin' is not an executable" >&2; exit 2; }
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/out"

# One job per line: kind <TAB> item <TAB> file(s), paths relative to the corpus.
{
  for f in "$corpus"/articles/*; do
    [[ -f "$f" ]] && printf 'check\tarticles/%s\tarticles/%s\n' "${f##*/}" "${f##*/}"
  done
  for old in "$corpus"/multilingual/*/*-old.wiki; do
    rel="${old#"$corpus"/}"
    printf 'gate\t%s\t%s\t%s\n' "${rel%-old.wiki}" "$rel" "${rel%-old.wiki}-new.wiki"
  done
  prev=""
  for f in "$corpus"/anarchism/consecutive/*; do
    [[ -f "$f" ]] || continue
    rel="${f#"$corpus"/}"
    if [[ -n "$prev" ]]; then
      printf 'gate\tanarchism/consecutive/%s..%s\t%s\t%s\n' "$(basename "${prev%.*}")" "$(basename "${rel%.*}")" "$prev" "$rel"
    fi
    prev="$rel"
  done
} > "$work/jobs"

# Runs one job; writes its findings (TSV, unsorted) to $work/out/N.tsv.
run_job() {
  local n="$1" kind item a b json rc
  IFS=$'\t' read -r kind item a b < <(sed -n "${n}p" "$work/jobs")
  json="$work/out/$n.json"
  rc=0
  if [[ "$kind" == check ]]; then
    (cd "$corpus" && "$bin" check "$a" --format json --output "$json" --fail-on never) 2> "$work/out/$n.err" || rc=$?
  else
    (cd "$corpus" && "$bin" gate "$a" "$b" --format json --output "$json" --fail-on never) 2> "$work/out/$n.err" || rc=$?
  fi
  if [[ $rc -ne 0 ]]; then
    printf '%s\tcrosscheck\terror\t-\texit status %s: %s\n' "$item" "$rc" "$(head -n 1 "$work/out/$n.err" | tr '\t' ' ')" > "$work/out/$n.tsv"
    return 0
  fi
  # Location: the primary evidence's file and line, and its section when it has one. Text is kept
  # on one line per finding (tabs and line breaks become spaces).
  jq -r --arg item "$item" '
    def clean: gsub("[\t\r\n]+"; " ");
    (.findings // .introduced // [])[]
    | select(.severity == "warning" or .severity == "error")
    | (.evidence[0] // {}) as $e
    | [$item, .rule, .severity,
       ((($e.variant // "-") + ":" + (($e.line // 0) | tostring))
         + (if ($e.section // "") != "" then " (" + $e.section + ")" else "" end)),
       .message]
    | map(clean) | @tsv' "$json" > "$work/out/$n.tsv"
}
export -f run_job
export bin corpus work

jobs="${CORPUS_CHECK_JOBS:-$(nproc 2>/dev/null || echo 2)}"
start=$(date +%s.%N)
seq 1 "$(wc -l < "$work/jobs")" | xargs -P "$jobs" -n 1 bash -c 'run_job "$1"' _
elapsed=$(echo "$(date +%s.%N) - $start" | bc)

export LC_ALL=C
cat "$work"/out/*.tsv 2>/dev/null | sort -u > "$work/actual.tsv" || true

if [[ "$mode" == list ]]; then
  cat "$work/actual.tsv"
  exit 0
fi

# Counts per part of the corpus.
count() { awk -F'\t' -v p="$1" 'index($1, p) == 1 { n++ } END { print n + 0 }' "$work/actual.tsv"; }
njobs=$(wc -l < "$work/jobs")
printf 'corpus-check: %d runs in %.1f s: %d findings (articles %d, multilingual %d, anarchism/consecutive %d)\n' \
  "$njobs" "$elapsed" "$(wc -l < "$work/actual.tsv")" "$(count articles/)" "$(count multilingual/)" "$(count anarchism/)" >&2

# The expectation, without comments; key = the first five columns.
touch "$work/expected.tsv"
if [[ -f "$expected" ]]; then grep -v '^#' "$expected" | grep -v '^$' > "$work/expected.tsv" || true; fi
cut -f1-5 "$work/expected.tsv" | sort -u > "$work/expected-keys.tsv"

if [[ "$mode" == update ]]; then
  mkdir -p "$(dirname "$expected")"
  {
    echo "# Expected findings of scripts/corpus-check.sh (warnings and errors on the real-text corpus)."
    echo "# item	rule	severity	location	message	reason (one line: why the finding is right)"
    echo "# Regenerate with scripts/corpus-check.sh --update, then review every line marked REASON?."
    echo "# A reason starting \"FALSE ALARM\" marks a known false alarm left to the named issue: tracked here, not approved."
    awk -F'\t' 'BEGIN { OFS = "\t" }
      FILENAME == ARGV[1] { key = $1 FS $2 FS $3 FS $4 FS $5; reason[key] = $6; next }
      { key = $1 FS $2 FS $3 FS $4 FS $5; r = (key in reason && reason[key] != "") ? reason[key] : "REASON?"; print $0, r }' \
      "$work/expected.tsv" "$work/actual.tsv"
  } > "$expected.tmp"
  mv "$expected.tmp" "$expected"
  echo "corpus-check: wrote ${expected#"$root"/} ($(grep -c 'REASON?$' "$expected" || true) lines to review)" >&2
  exit 0
fi

status=0
if ! diff "$work/expected-keys.tsv" "$work/actual.tsv" > "$work/diff"; then
  echo "corpus-check: the findings differ from ${expected#"$root"/}:" >&2
  grep '^>' "$work/diff" | sed 's/^> /  new:      /' >&2 || true
  grep '^<' "$work/diff" | sed 's/^< /  vanished: /' >&2 || true
  echo "If every change is right, run scripts/corpus-check.sh --update and give each new line its reason." >&2
  status=1
fi
unreviewed=$(awk -F'\t' '$6 == "REASON?" || $6 == ""' "$work/expected.tsv" | wc -l)
if [[ "$unreviewed" -gt 0 ]]; then
  echo "corpus-check: $unreviewed expected finding(s) have no reason yet (REASON?) in ${expected#"$root"/}" >&2
  status=1
fi
known=$(awk -F'\t' 'index($6, "FALSE ALARM") == 1' "$work/expected.tsv" | wc -l)
[[ $status -eq 0 ]] && echo "corpus-check: findings match ${expected#"$root"/} ($known of them known false alarms left to other issues)" >&2
exit $status
