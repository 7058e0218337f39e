#!/usr/bin/env python3
"""Run `crosscheck history` over page-aligned dump chunks with Spark, and collect the JSON Lines.

Usage: spark-submit spark_history.py --crosscheck PATH --out OUT.jsonl CHUNK ... [--master local[2]]
   or: python3 spark_history.py ...  (pyspark installed in the current interpreter)

Each chunk (from split-dump.py) is one partition. Spark's RDD.pipe feeds a partition's one element,
the chunk's path, to a small shell loop that runs crosscheck on it, so crosscheck itself is the
mapper, unchanged; its JSON Lines come back as the partition's records. Records carry their page
title, so the collected output needs no reducer; it is written in chunk order. On a cluster the
chunks must be on storage every worker can read (HDFS via a mount, NFS, or shipped with
--files), and the crosscheck binary on every worker (or shipped with --files).
"""
import argparse, json, os, shlex, sys, time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("chunks", nargs="+")
    ap.add_argument("--crosscheck", required=True, help="path to the crosscheck binary on the workers")
    ap.add_argument("--out", required=True)
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    ap.add_argument("--args", default="", help="extra arguments for crosscheck history")
    a = ap.parse_args()

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("crosscheck-history")
    if a.master:
        conf = conf.setMaster(a.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    chunks = [os.path.abspath(c) for c in a.chunks]
    command = (f"{shlex.quote(os.path.abspath(a.crosscheck))} history \"$p\" --format jsonl --fail-on never "
               + a.args)
    mapper = ["/bin/sh", "-c", f'while IFS= read -r p; do {command} || exit $?; done']
    started = time.time()
    rdd = sc.parallelize(chunks, len(chunks)).pipe(shlex.join(mapper), checkCode=True)
    lines = rdd.collect()
    elapsed = time.time() - started
    sc.stop()
    pages = 0
    with open(a.out, "w", encoding="utf-8") as f:
        for line in lines:
            record = json.loads(line)  # every line must be a self-contained JSON record
            if record.get("type") == "page":
                pages += 1
            f.write(line + "\n")
    print(f"spark_history: {len(chunks)} chunks, {pages} pages, {len(lines)} records in {elapsed:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
