#!/usr/bin/env bash
# End-to-end test of crosscheck in an article repository: the git-aware gate, the GitHub
# Action's script (scripts/github-action.sh, what action.yml runs) and the pre-commit hook
# (examples/pre-commit), each run exactly as the examples run them, in a throwaway repository
# with two article folders (scripts/make-article-repo.sh).
#
#   scripts/e2e-gate.sh               builds crosscheck (debug) first
#   CROSSCHECK=path/to/crosscheck scripts/e2e-gate.sh
#
# Covers: a typo fix passes although the article already holds conflicts on main; a new
# headquarters conflict fails, annotated once, with a repository-relative path; a pre-commit hook
# that gates the staged snapshot, not the working tree; a blanked page; a deleted, a renamed and
# an added variant; a push-time check against a baseline. Exits 1 on the first failed
# expectation, naming it.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
bin=${CROSSCHECK:-}
if [ -z "$bin" ]; then
  swift build --package-path "$here" --product crosscheck >&2
  bin="$(swift build --package-path "$here" --show-bin-path)/crosscheck"
fi
case $bin in /*) ;; *) bin="$PWD/$bin" ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# crosscheck on PATH, as scripts/install.sh leaves it.
mkdir "$tmp/bin"
ln -s "$bin" "$tmp/bin/crosscheck"
export PATH="$tmp/bin:$PATH"
unset CROSSCHECK CROSSCHECK_PATHS CROSSCHECK_FAIL_ON CROSSCHECK_BASELINE CROSSCHECK_SARIF NO_COLOR
export GITHUB_STEP_SUMMARY="$tmp/summary.md"

repo="$tmp/repo"
"$here/scripts/make-article-repo.sh" "$repo" 2 > /dev/null
cd "$repo"

failures=0
step() { printf '== %s\n' "$*"; }
fail() { printf 'e2e: FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
# run NAME EXPECTED-STATUS COMMAND...: runs COMMAND, keeps stdout in $tmp/out and stderr in
# $tmp/err, and checks its exit status.
run() {
  local name=$1 want=$2
  shift 2
  local got=0
  "$@" > "$tmp/out" 2> "$tmp/err" || got=$?
  if [ "$got" != "$want" ]; then
    fail "$name: exit $got, expected $want"
    sed 's/^/  | /' "$tmp/out" "$tmp/err" | head -n 40 >&2
  fi
}
has() { grep -qF -- "$2" "$tmp/$1" || fail "$3: $1 lacks \"$2\""; }
lacks() { ! grep -qF -- "$2" "$tmp/$1" || fail "$3: $1 has \"$2\""; }
# The GitHub output: no line over 4 KB, no annotation twice.
github_ok() {
  local long dup
  long=$(awk 'length($0) > 4096 { n++ } END { print n + 0 }' "$tmp/out")
  [ "$long" = 0 ] || fail "$1: $long GitHub output lines over 4 KB"
  dup=$( (grep '^::' "$tmp/out" || true) | sort | uniq -d | head -n 1)
  [ -z "$dup" ] || fail "$1: duplicated annotation: $dup"
}
pr() { # pr NAME EXPECTED: the action's script as on a pull request against main
  : > "$GITHUB_STEP_SUMMARY"
  run "$1" "$2" env GITHUB_EVENT_NAME=pull_request CROSSCHECK_BASE=main "$here/scripts/github-action.sh"
  github_ok "$1"
}

sensetime=articles/sensetime/001_e3333450b7a6811b.txt
hanbit=articles/hanbit/02_rev2023.wiki

step "main already holds conflicts: check fails, and its GitHub output stays within limits"
run "check on main" 1 env GITHUB_EVENT_NAME=push "$here/scripts/github-action.sh"
github_ok "check on main"
has out "::error file=articles/sensetime/" "check on main"
has err "2 articles" "check on main"

step "a typo fix passes (the article's existing conflicts do not fail the pull request)"
git checkout -q -b typo-fix main
sed -i 's/SenseTiime/SenseTime/' "$sensetime"
git commit -q -am "Fix a typo"
pr "typo fix" 0
lacks out "::error" "typo fix"
grep -qF "introduced-typo" "$GITHUB_STEP_SUMMARY" || fail "typo fix: the job summary does not list the resolved typo"
run "typo fix, gate --base main" 0 crosscheck gate --base main
has out "$sensetime" "typo fix, gate --base main"
has out "Resolved (1)" "typo fix, gate --base main"

step "a new headquarters conflict fails, annotated once with a repository-relative path"
git checkout -q -b move-hq main
sed -i 's/| hq_location = \[\[Busan\]\]/| hq_location = [[Daegu]]/' "$hanbit"
git commit -q -am "Move the headquarters"
pr "new headquarters" 1
has out "::error file=$hanbit,line=10,title=crosscheck headquarters-conflict::" "new headquarters"
[ "$(grep -c '^::error' "$tmp/out")" = 1 ] || fail "new headquarters: expected exactly one ::error line"
lacks out "sensetime" "new headquarters"
grep -qF "headquarters-conflict" "$GITHUB_STEP_SUMMARY" || fail "new headquarters: no job summary"
run "new headquarters, gate --base main articles/hanbit" 1 crosscheck gate --base main articles/hanbit
has out "$hanbit:10" "new headquarters, gate --base main articles/hanbit"
run "new headquarters, only the other article" 0 crosscheck gate --base main articles/sensetime
run "new headquarters, from a subfolder" 1 bash -c 'cd articles && exec crosscheck gate --base main'
has out "$hanbit:10" "new headquarters, from a subfolder"

step "pre-commit hook: gates the staged snapshot, not the working tree"
git checkout -q main
cp "$here/examples/pre-commit" .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
sed -i 's/SenseTiime/SenseTime/' "$sensetime"
git add "$sensetime"
sed -i 's/| hq_location = \[\[Busan\]\]/| hq_location = [[Daegu]]/' "$hanbit" # not staged
run "hook: staged typo fix, unstaged conflict" 0 git commit -q -m "Fix a typo"
git checkout -q -- "$hanbit"
sed -i 's/| hq_location = \[\[Busan\]\]/| hq_location = [[Daegu]]/' "$hanbit"
git add "$hanbit"
head=$(git rev-parse HEAD)
run "hook: staged headquarters conflict" 1 git commit -q -m "Move the headquarters"
has err "headquarters-conflict" "hook: staged headquarters conflict"
has err "commit refused" "hook: staged headquarters conflict"
[ "$(git rev-parse HEAD)" = "$head" ] || fail "hook: the refused commit was made"
run "hook: gate --staged directly" 1 crosscheck gate --staged
has out "$hanbit:10" "hook: gate --staged directly"
git reset -q --hard
run "hook: nothing staged" 0 crosscheck gate --staged
rm .git/hooks/pre-commit

step "a blanked page is a finding of the gate, not an input error"
git checkout -q -b blank main
: > "$hanbit"
git commit -q -am "Blank the page"
run "blanked page" 1 crosscheck gate --base main
has out "page-blanked" "blanked page"
has out "$hanbit" "blanked page"

step "a deleted variant resolves its findings; a rename is followed; an added article is checked"
git checkout -q -b delete main
git rm -q articles/sensetime/003_7ef685683aa46a24.txt
# The manifest must not name a missing file: drop its entry (the last one) too.
sed -i -e '/003_7ef685683aa46a24/d' -e 's/"plain-text rendering of the newest revision"},/"plain-text rendering of the newest revision"}/' articles/sensetime/crosscheck.json
git commit -q -am "Drop the summary"
run "deleted variant" 0 crosscheck gate --base main
has out "Resolved" "deleted variant"
has out "headquarters-conflict" "deleted variant"
git checkout -q -b rename main
git mv "$hanbit" articles/hanbit/02_rev2023_renamed.wiki
sed -i 's/"02_rev2023.wiki"/"02_rev2023_renamed.wiki"/' articles/hanbit/crosscheck.json
git commit -q -am "Rename a variant"
run "renamed variant" 0 crosscheck gate --base main
has out "Introduced (0)" "renamed variant"
git checkout -q -b add main
mkdir articles/hanbit-copy
git show main:articles/hanbit/01_rev2017.wiki > articles/hanbit-copy/01_rev2017.wiki
git show main:articles/hanbit/04_summary.md > articles/hanbit-copy/04_summary.md
sed 's/| hq_location = \[\[Busan\]\]/| hq_location = [[Daegu]]/' "$hanbit" > articles/hanbit-copy/02_rev2023.wiki
git add articles/hanbit-copy
git commit -q -m "Add an article"
run "added article" 1 crosscheck gate --base main
has out "articles/hanbit-copy/02_rev2023.wiki" "added article"

step "push: check against a committed baseline passes; a report stays short"
git checkout -q main
run "write baseline" 0 crosscheck check . --write-baseline .crosscheck-baseline.json
git add .crosscheck-baseline.json
git commit -q -m "Accept today's findings"
run "check on push with baseline" 0 env GITHUB_EVENT_NAME=push "$here/scripts/github-action.sh"
github_ok "check on push with baseline"
lacks out "::error" "check on push with baseline"

if [ "$failures" != 0 ]; then
  echo "e2e: $failures expectation(s) failed" >&2
  exit 1
fi
echo "e2e: every expectation met"
