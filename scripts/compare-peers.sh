#!/usr/bin/env bash
# Times peer differs on the same revision pairs as crosscheck-bench, for docs/performance.md.
#
#   scripts/compare-peers.sh [CORPUS_DIR]
#   scripts/compare-peers.sh --history [EXPORT]   (default: CORPUS/history/anarchism-full-history.xml.lzma)
#
# With --history: wikidiff2 diffs every consecutive pair of revisions of the export (in one PHP
# process reading the decompressed XML as a stream), then `crosscheck-bench --history EXPORT
# --wikidiff2-ms MS` walks the same export with `history --format jsonl` and prints both figures.
#
# Installs Debian's php-cli and php-wikidiff2 (MediaWiki's diff engine as a PHP extension) when
# missing, then times, for the consecutive and the sampled pairs of corpus/anarchism:
#   - wikidiff2_do_diff (in one PHP process, so no process start-up is counted);
#   - git diff --no-index --word-diff (one process per pair, so start-up is counted).
# and, in the same run, crosscheck itself (`crosscheck-bench --json --no-scaling`, release build):
# parse + section-aligned word diff, with each revision parsed in full and with each parse reusing
# its predecessor's. crosscheck never depends on either peer; this is only for a side-by-side table.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
history_mode=""
if [[ "${1:-}" == "--history" ]]; then history_mode=1; shift; fi
corpus="${1:-}"
if [[ -z "$corpus" ]]; then
  if [[ -d "$here/../shared/corpus" ]]; then corpus="$here/../shared/corpus"; else corpus=/work/shared/corpus; fi
fi

if ! php -r 'exit(function_exists("wikidiff2_do_diff") ? 0 : 1);' 2>/dev/null; then
  echo "installing php-cli php-wikidiff2 (apt)..." >&2
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y -qq php-cli php-wikidiff2 >/dev/null
fi

if [[ -n "$history_mode" ]]; then
  export_file="${1:-}"
  [[ -n "$export_file" ]] || export_file="$(cd "$here/../shared/corpus" 2>/dev/null && pwd || echo /work/shared/corpus)/history/anarchism-full-history.xml.lzma"
  case "$export_file" in
    *.lzma) dec=(xz -dc --format=lzma) ;; *.xz) dec=(xz -dc) ;; *.bz2) dec=(bzip2 -dc) ;; *.gz) dec=(gzip -dc) ;; *) dec=(cat) ;;
  esac
  history_php=$(mktemp --suffix=.php)
  trap 'rm -f "$history_php"' EXIT
  cat > "$history_php" <<'PHP'
<?php
// Reads a MediaWiki export on stdin line by line, keeps the previous revision's text, and diffs
// each revision with the one before it (same page) with wikidiff2. Prints pairs and CPU ms of
// the diffs alone (reading and entity decoding are not counted).
function cpu_ms() { $u = getrusage(); return ($u["ru_utime.tv_sec"] + $u["ru_stime.tv_sec"]) * 1000 + ($u["ru_utime.tv_usec"] + $u["ru_stime.tv_usec"]) / 1000; }
$in = fopen("php://stdin", "r");
$prev = null; $buf = null; $pairs = 0; $total = 0.0; $max = 0.0;
while (($line = fgets($in)) !== false) {
    if ($buf === null) {
        if (strpos($line, "<page>") !== false) { $prev = null; continue; }
        $p = strpos($line, "<text");
        if ($p === false) continue;
        $gt = strpos($line, ">", $p);
        if ($line[$gt - 1] === "/") { $text = ""; }
        else {
            $buf = substr($line, $gt + 1);
            if (($e = strpos($buf, "</text>")) === false) continue;
            $text = substr($buf, 0, $e);
        }
    } else {
        if (($e = strpos($line, "</text>")) === false) { $buf .= $line; continue; }
        $text = $buf . substr($line, 0, $e);
    }
    $buf = null;
    $text = htmlspecialchars_decode($text, ENT_QUOTES | ENT_XML1);
    if ($prev !== null) {
        $t0 = cpu_ms();
        wikidiff2_do_diff($prev, $text, 2);
        $ms = cpu_ms() - $t0;
        $total += $ms; $max = max($max, $ms); $pairs++;
    }
    $prev = $text;
}
printf("%d %.1f %.1f\n", $pairs, $total, $max);
PHP
  echo "wikidiff2 on every consecutive pair of $export_file ..." >&2
  read -r p t m < <("${dec[@]}" "$export_file" | php -d memory_limit=2G "$history_php")
  echo "wikidiff2 $(php -r 'echo phpversion("wikidiff2");'): $p pairs, $t ms CPU (worst pair $m ms)" >&2
  echo "building crosscheck-bench (release)..." >&2
  (cd "$here" && swift build -c release --product crosscheck-bench >/dev/null)
  "$here/.build/release/crosscheck-bench" --history "$export_file" --wikidiff2-ms "$t"
  exit 0
fi

php_timer=$(mktemp --suffix=.php)
times_file=$(mktemp)
trap 'rm -f "$php_timer" "$times_file"' EXIT
cat > "$php_timer" <<'PHP'
<?php
// Diffs every neighbouring pair of files in a folder with wikidiff2; prints total and max CPU ms
// (user + system time of this process, as crosscheck-bench measures CPU time).
function cpu_ms() { $u = getrusage(); return ($u["ru_utime.tv_sec"] + $u["ru_stime.tv_sec"]) * 1000 + ($u["ru_utime.tv_usec"] + $u["ru_stime.tv_usec"]) / 1000; }
$dir = $argv[1];
$files = array_values(array_filter(scandir($dir), fn($f) => $f[0] !== '.'));
sort($files);
$texts = array_map(fn($f) => file_get_contents("$dir/$f"), $files);
$total = 0.0; $max = 0.0; $pairs = 0;
for ($i = 1; $i < count($texts); $i++) {
    $t0 = cpu_ms();
    $out = wikidiff2_do_diff($texts[$i - 1], $texts[$i], 2);
    $ms = cpu_ms() - $t0;
    $total += $ms; $max = max($max, $ms); $pairs++;
}
printf("%d %.1f %.1f\n", $pairs, $total, $max);
PHP

# Total CPU time of the git processes (user + system, from the shell's `times`, 10 ms
# resolution) and the longest wall time of one pair.
git_time() {
  local dir="$1" prev="" max=0 pairs=0 before after
  times > "$times_file"  # not in $(...): a subshell would report its own children
  before=$(tail -1 "$times_file")
  for f in $(ls "$dir" | sort); do
    if [[ -n "$prev" ]]; then
      local t0 t1 ms
      t0=$(date +%s%N)
      git diff --no-index --word-diff "$dir/$prev" "$dir/$f" >/dev/null || true
      t1=$(date +%s%N)
      ms=$(( (t1 - t0) / 1000 ))
      (( ms > max )) && max=$ms; pairs=$(( pairs + 1 ))
    fi
    prev="$f"
  done
  times > "$times_file"
  after=$(tail -1 "$times_file")
  awk -v p="$pairs" -v m="$max" -v b="$before" -v a="$after" 'function s(x,   parts, t) {
      # "0m1.234s 0m0.567s" -> milliseconds of user + system
      split(x, parts, " "); t = 0
      for (i = 1; i <= 2; i++) { split(parts[i], q, "m"); sub("s", "", q[2]); t += (q[1] * 60 + q[2]) * 1000 }
      return t }
    BEGIN { printf "%d %.1f %.1f\n", p, s(a) - s(b), m / 1000 }'
}

echo "building crosscheck-bench (release)..." >&2
(cd "$here" && swift build -c release --product crosscheck-bench >/dev/null)
bench_json=$("$here/.build/release/crosscheck-bench" --json --no-scaling --corpus "$corpus")
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$bench_json" "$1"; }

echo "| tool | set | pairs | total CPU ms | max ms |"
echo "|---|---|---|---|---|"
for set in consecutive sampled; do
  echo "| crosscheck (parse + section-aligned word diff, each revision parsed in full) | $set | $(field ${set}_pairs) | $(field ${set}_full_parse_total_ms) | $(field ${set}_full_parse_max_ms) |"
  echo "| crosscheck (the same, each parse reusing the previous revision's) | $set | $(field ${set}_pairs) | $(field ${set}_total_ms) | $(field ${set}_max_ms) |"

  read -r p t m < <(php "$php_timer" "$corpus/anarchism/$set")
  echo "| wikidiff2 $(php -r 'echo phpversion("wikidiff2");') (raw wikitext, line + word diff) | $set | $p | $t | $m |"
  read -r p t m < <(git_time "$corpus/anarchism/$set")
  echo "| git $(git --version | awk '{print $3}') diff --no-index --word-diff (CPU incl. process start; max is wall) | $set | $p | $t | $m |"
done
