#!/usr/bin/env bash
# Smoke test of the cluster recipe: Spark local mode over a generated multi-page dump.
#
#   scripts/cluster/spark-smoke.sh [CROSSCHECK_BINARY]
#
# Generates a 200-page dump, splits it into page-aligned chunks, runs spark_history.py in
# local[2] mode (pyspark is installed into .build/spark-venv when missing; needs Java 11+ and
# PyPI), and checks that the collected JSON Lines equal `crosscheck history --jobs 1` on the whole
# dump, record for record, in page order. Exit 0 on success, 1 on a mismatch, 77 when Spark
# cannot be set up (no Java, no network): the caller may treat that as skipped.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-$root/.build/release/crosscheck}"
[ -x "$bin" ] || { echo "spark-smoke: no crosscheck binary at $bin (swift build -c release)" >&2; exit 2; }
command -v java >/dev/null || { echo "spark-smoke: no java on PATH: skipped" >&2; exit 77; }

venv="$root/.build/spark-venv"
if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
    echo "spark-smoke: installing pyspark into $venv" >&2
    python3 -m venv "$venv" || { echo "spark-smoke: cannot create a venv: skipped" >&2; exit 77; }
    "$venv/bin/pip" install --quiet 'pyspark>=3.5,<4' || { echo "spark-smoke: cannot install pyspark: skipped" >&2; exit 77; }
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/gen-dump.py" "$work/dump.xml" --pages 200 --revisions 6
python3 "$here/split-dump.py" "$work/dump.xml" "$work/chunks" --chunk-mb 0.25 > "$work/chunks.txt"
n=$(wc -l < "$work/chunks.txt")
[ "$n" -ge 2 ] || { echo "spark-smoke: expected several chunks, got $n" >&2; exit 1; }

"$bin" history "$work/dump.xml" --format jsonl --fail-on never --jobs 1 > "$work/expected.jsonl"
export PYSPARK_PYTHON="$venv/bin/python"
start=$(date +%s.%N)
"$venv/bin/python" "$here/spark_history.py" --master 'local[2]' --crosscheck "$bin" \
    --out "$work/spark.jsonl" $(cat "$work/chunks.txt")
end=$(date +%s.%N)
if ! cmp -s "$work/expected.jsonl" "$work/spark.jsonl"; then
    echo "spark-smoke: Spark output differs from crosscheck history on the whole dump" >&2
    diff "$work/expected.jsonl" "$work/spark.jsonl" | head -20 >&2
    exit 1
fi
records=$(wc -l < "$work/spark.jsonl")
bytes=$(stat -c %s "$work/dump.xml")
echo "spark-smoke: ok: $n chunks, 200 pages, $records records, $bytes bytes of XML in $(echo "$end - $start" | bc) s (local[2], Spark start-up included)"
