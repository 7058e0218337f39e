#!/usr/bin/env bash
# Times peer differs on the same revision pairs as crosscheck-bench, for docs/performance.md.
#
#   scripts/compare-peers.sh [CORPUS_DIR]
#
# Installs Debian's php-cli and php-wikidiff2 (MediaWiki's diff engine as a PHP extension) when
# missing, then times, for the consecutive and the sampled pairs of corpus/anarchism:
#   - wikidiff2_do_diff (in one PHP process, so no process start-up is counted);
#   - git diff --no-index --word-diff (one process per pair, so start-up is counted).
# crosscheck never depends on either; this is only for a side-by-side table.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-}"
if [[ -z "$corpus" ]]; then
  if [[ -d "$here/../shared/corpus" ]]; then corpus="$here/../shared/corpus"; else corpus=/work/shared/corpus; fi
fi

if ! php -r 'exit(function_exists("wikidiff2_do_diff") ? 0 : 1);' 2>/dev/null; then
  echo "installing php-cli php-wikidiff2 (apt)..." >&2
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y -qq php-cli php-wikidiff2 >/dev/null
fi

php_timer=$(mktemp --suffix=.php)
trap 'rm -f "$php_timer"' EXIT
cat > "$php_timer" <<'PHP'
<?php
// Diffs every neighbouring pair of files in a folder with wikidiff2; prints total and max ms.
$dir = $argv[1];
$files = array_values(array_filter(scandir($dir), fn($f) => $f[0] !== '.'));
sort($files);
$texts = array_map(fn($f) => file_get_contents("$dir/$f"), $files);
$total = 0.0; $max = 0.0; $pairs = 0;
for ($i = 1; $i < count($texts); $i++) {
    $t0 = hrtime(true);
    $out = wikidiff2_do_diff($texts[$i - 1], $texts[$i], 2);
    $ms = (hrtime(true) - $t0) / 1e6;
    $total += $ms; $max = max($max, $ms); $pairs++;
}
printf("%d %.1f %.1f\n", $pairs, $total, $max);
PHP

git_time() {
  local dir="$1" prev="" total=0 max=0 pairs=0
  for f in $(ls "$dir" | sort); do
    if [[ -n "$prev" ]]; then
      local t0 t1 ms
      t0=$(date +%s%N)
      git diff --no-index --word-diff "$dir/$prev" "$dir/$f" >/dev/null || true
      t1=$(date +%s%N)
      ms=$(( (t1 - t0) / 1000 ))
      total=$(( total + ms )); (( ms > max )) && max=$ms; pairs=$(( pairs + 1 ))
    fi
    prev="$f"
  done
  awk -v p="$pairs" -v t="$total" -v m="$max" 'BEGIN { printf "%d %.1f %.1f\n", p, t / 1000, m / 1000 }'
}

echo "| tool | set | pairs | total ms | max ms |"
echo "|---|---|---|---|---|"
for set in consecutive sampled; do
  read -r p t m < <(php "$php_timer" "$corpus/anarchism/$set")
  echo "| wikidiff2 $(php -r 'echo phpversion("wikidiff2");') (raw wikitext, line + word diff) | $set | $p | $t | $m |"
  read -r p t m < <(git_time "$corpus/anarchism/$set")
  echo "| git $(git --version | awk '{print $3}') diff --no-index --word-diff (incl. process start) | $set | $p | $t | $m |"
done
