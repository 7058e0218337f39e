#!/usr/bin/env bash
# Measures the word-reading rules (merged-words, introduced-typo, stale-claim, unsupported-claim,
# date-format) on the real-text corpus: each of the 35 articles checked alone, the 250
# multilingual edits gated, and the 40 sampled Anarchism revisions checked as one set.
# Prints per-rule counts per corpus, and every finding's message to $OUT (default
# /tmp/measure-words.txt) for review. Needs a release build and jq.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/crosscheck}
CORPUS=${CORPUS:-../shared/corpus}
OUT=${OUT:-/tmp/measure-words.txt}
RULES=${RULES:-merged-words introduced-typo stale-claim unsupported-claim date-format}
: >"$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

filter() { jq -r --arg rules "$RULES" '($rules | split(" ")) as $r | (.findings // .introduced)[] | select(.rule as $x | $r | index($x)) | "\(.rule)\t\(.message)"'; }

echo "== articles (each alone)" | tee -a "$OUT"
for f in "$CORPUS"/articles/*.wiki; do
    "$BIN" check "$f" --format json --fail-on never 2>/dev/null | filter | sed "s|^|$(basename "$f")\t|" >>"$tmp/articles" || echo "$(basename "$f")	CRASH/ERROR" >>"$tmp/articles"
done
cat "$tmp/articles" >>"$OUT" 2>/dev/null || true

echo "== multilingual (gate old new)" | tee -a "$OUT"
: >"$tmp/multi"
for d in "$CORPUS"/multilingual/*/; do
    for old in "$d"*-old.wiki; do
        new=${old%-old.wiki}-new.wiki
        "$BIN" gate "$old" "$new" --format json --fail-on never 2>/dev/null | filter | sed "s|^|$(basename "$d")/$(basename "$old")\t|" >>"$tmp/multi" || echo "$(basename "$d")/$(basename "$old")	CRASH/ERROR" >>"$tmp/multi"
    done
done
cat "$tmp/multi" >>"$OUT"

echo "== anarchism sampled (one set)" | tee -a "$OUT"
"$BIN" check "$CORPUS"/anarchism/sampled --format json --fail-on never 2>/dev/null | filter | sed "s|^|sampled\t|" >"$tmp/sampled" || echo "sampled	CRASH/ERROR" >"$tmp/sampled"
cat "$tmp/sampled" >>"$OUT"

printf '%-20s %9s %9s %9s\n' rule articles multi sampled
for r in $RULES; do
    printf '%-20s %9s %9s %9s\n' "$r" "$(cut -f2 "$tmp/articles" | grep -cx "$r" || true)" "$(cut -f2 "$tmp/multi" | grep -cx "$r" || true)" "$(cut -f2 "$tmp/sampled" | grep -cx "$r" || true)"
done
grep -h 'CRASH/ERROR' "$tmp"/* || true
