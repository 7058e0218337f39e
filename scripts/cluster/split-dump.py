#!/usr/bin/env python3
"""Split a MediaWiki XML dump into page-aligned chunks, each a complete export.

Usage: split-dump.py DUMP OUTDIR [--chunk-mb 64] [--gzip]

DUMP may be plain XML, .gz, .bz2, .xz, .lzma or .7z (read through the system decompressor) or
"-" for standard input. Every chunk repeats the dump's header (<mediawiki ...> and <siteinfo>)
and holds whole <page> elements only, so each one can go through `crosscheck history` on its own
(a Hadoop Streaming or Spark RDD.pipe mapper). Pages are never split, so a chunk may exceed the
target size by one page. Prints the chunk paths, one a line.

Dumps written by MediaWiki put <page> and </page> on lines of their own, and page text escapes
"<" as "&lt;", so a line holding only "<page>" is always a page boundary.
"""
import argparse, gzip, os, shutil, subprocess, sys

DECOMPRESSORS = {
    ".gz": ["gzip", "-dc"], ".bz2": ["bzip2", "-dc"], ".xz": ["xz", "-dc"],
    ".lzma": ["xz", "-dc", "--format=lzma"], ".7z": ["7z", "e", "-so"],
}


def open_dump(path):
    if path == "-":
        return sys.stdin.buffer, None
    for ext, cmd in DECOMPRESSORS.items():
        if path.endswith(ext):
            if shutil.which(cmd[0]) is None:
                sys.exit(f"split-dump: {path}: needs {cmd[0]} to decompress it, not found on PATH")
            p = subprocess.Popen(cmd + [path], stdout=subprocess.PIPE)
            return p.stdout, p
    return open(path, "rb"), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump")
    ap.add_argument("outdir")
    ap.add_argument("--chunk-mb", type=float, default=64.0)
    ap.add_argument("--gzip", action="store_true", help="write chunk-NNNNN.xml.gz")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    limit = int(a.chunk_mb * 1024 * 1024)
    src, proc = open_dump(a.dump)
    header = []
    # The header: everything before the first <page>.
    line = src.readline()
    while line and line.strip() != b"<page>":
        header.append(line)
        line = src.readline()
    if not header or b"<mediawiki" not in b"".join(header):
        sys.exit(f"split-dump: {a.dump}: not a MediaWiki export (no <mediawiki> before the first page)")
    head = b"".join(header)
    chunk, out, size, in_page, pages = 0, None, 0, False, 0

    def close_chunk():
        nonlocal out
        if out is not None:
            out.write(b"</mediawiki>\n")
            out.close()
            out = None

    def open_chunk():
        nonlocal out, chunk, size
        name = os.path.join(a.outdir, f"chunk-{chunk:05d}.xml" + (".gz" if a.gzip else ""))
        chunk += 1
        out = gzip.open(name, "wb", compresslevel=3) if a.gzip else open(name, "wb")
        out.write(head)
        size = len(head)
        print(name, flush=True)

    while line:
        s = line.strip()
        if s == b"<page>":
            if out is None or size >= limit:
                close_chunk()
                open_chunk()
            in_page = True
        if in_page:
            out.write(line)
            size += len(line)
        if s == b"</page>":
            in_page = False
            pages += 1
        line = src.readline()
    if in_page:
        sys.exit(f"split-dump: {a.dump}: truncated inside a page (after {pages} complete pages)")
    close_chunk()
    if proc is not None and proc.wait() != 0:
        sys.exit(f"split-dump: {a.dump}: the decompressor failed")
    print(f"split-dump: {pages} pages in {chunk} chunks", file=sys.stderr)


if __name__ == "__main__":
    main()
