#!/usr/bin/env python3
"""Scaling table for crosscheck's worst known input shapes (issue 11).

Usage: scripts/scaling.py [--bin PATH] [--max-mb N] [--min-mb N] [--case NAME ...] [--keep DIR]

Generates each input shape at doubling sizes (default 0.625 to 10 MB per document), runs the
release binary once per size, and prints CPU time (user + system), throughput over all input
bytes, peak resident memory and memory per input byte, and the ratio of each step's time to the
previous one (a doubling of the input should cost at most 2.3x). Exits 1 when a step exceeds
2.3x, a size runs under 2 MB/s, or memory exceeds 40 bytes per input byte; exit status of
crosscheck itself other than 0/1 is a failure too.

Build first: swift build -c release --product crosscheck (the default --bin is its output).
Generated inputs are deterministic (no randomness) and written to a temporary folder.
"""
import argparse, multiprocessing, os, resource, shutil, subprocess, sys, tempfile, time

WORDS = ("alpha beta gamma delta epsilon zeta theta iota kappa lambda sigma omega harbour river "
         "market council bridge station museum library garden tower valley meadow").split()


def short(i):
    """About 25 bytes: the dense shapes of the issue (100,000 sentences in 3.5 MB)."""
    return f"Item {i} cost {i % 997} and grew."


def sentence(i):
    w = WORDS
    return (f"The {w[i % len(w)]} {w[(i * 7) % len(w)]} reported {i % 997} visitors in {1900 + i % 120}"
            f" and {w[(i * 13) % len(w)]} grew.")


def fill(target, make):
    """Concatenate make(i) until the text reaches target bytes."""
    parts, size, i = [], 0, 0
    while size < target:
        p = make(i)
        parts.append(p)
        size += len(p.encode())
        i += 1
    return "".join(parts)


def edited(text, every, old="grew", new="shrank"):
    """The same text with every `every`-th occurrence of a word replaced (an everyday edit)."""
    out, n, pos = [], 0, 0
    while True:
        j = text.find(old, pos)
        if j < 0:
            break
        n += 1
        out.append(text[pos:j])
        out.append(new if n % every == 0 else old)
        pos = j + len(old)
    out.append(text[pos:])
    return "".join(out)


# Each case: name -> (command builder, generator of (old, new) texts at `size` bytes per document)
def identical_headings(size):
    # 200,000 repeated headings in about 7.6 MB.
    t = fill(size, lambda i: f"== Notes ==\n{short(i)}\n")
    return t, edited(t, 50)


def sentences_doc(size):
    # Paragraphs of ten sentences under a heading every 100 sentences.
    def make(i):
        head = f"== Part {i // 10} ==\n" if i % 10 == 0 else ""
        return head + " ".join(short(i * 10 + k) for k in range(10)) + "\n\n"
    t = fill(size, make)
    return t, edited(t, 200)


def distinct_headings(size):
    # 200,000 distinct headings in about 7 MB.
    t = fill(size, lambda i: f"== Heading {i} ==\n{short(i)}\n")
    return t, edited(t, 100)


def table(size):
    head = '{| class="wikitable"\n! Year !! Name !! Value !! Notes\n'
    t = head + fill(size - len(head) - 3, lambda i: f"|-\n| {1900 + i % 120} || {WORDS[i % len(WORDS)]} {i} || {i * 37 % 10007} || {sentence(i)}\n") + "|}\n"
    return t, edited(t, 100)


CASES = {
    "diff-identical-headings": ("diff", identical_headings),
    "check-sentences": ("check", sentences_doc),
    "gate-sentences": ("gate", sentences_doc),
    "gate-distinct-headings": ("gate", distinct_headings),
    "diff-table": ("diff", table),
    "check-table": ("check", table),
}


def write_inputs(gen, size, old, new):
    old_text, new_text = gen(size)
    with open(old, "w") as f:
        f.write(old_text)
    with open(new, "w") as f:
        f.write(new_text)


def run(binary, command, old, new, folder):
    if command == "diff":
        args = [binary, "diff", old, new, "--format", "json"]
    elif command == "gate":
        args = [binary, "gate", old, new, "--format", "json", "--fail-on", "never"]
    else:
        args = [binary, "check", new, "--format", "json", "--fail-on", "never"]
    start = time.monotonic()
    with open(os.devnull, "wb") as devnull:
        p = subprocess.Popen(args, stdout=devnull, stderr=subprocess.PIPE, cwd=folder)
        _, status, usage = os.wait4(p.pid, 0)
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss * 1024, code, err


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=None)
    ap.add_argument("--max-mb", type=float, default=10.0)
    ap.add_argument("--min-mb", type=float, default=0.625)
    ap.add_argument("--case", action="append", choices=sorted(CASES))
    ap.add_argument("--keep", help="write the generated inputs to this folder and keep them")
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = a.bin or os.path.join(root, ".build/release/crosscheck")
    if not os.access(binary, os.X_OK):
        sys.exit(f"scaling.py: no binary at {binary} (swift build -c release --product crosscheck)")
    folder = a.keep or tempfile.mkdtemp(prefix="crosscheck-scaling.")
    os.makedirs(folder, exist_ok=True)
    sizes, s = [], a.min_mb
    while s <= a.max_mb + 1e-9:
        sizes.append(s)
        s *= 2
    # The fixed cost of a run (runtime, tables): memory per input byte is counted above it.
    tiny = os.path.join(folder, "tiny.wiki")
    with open(tiny, "w") as f:
        f.write("== A ==\nOne sentence.\n")
    base = run(binary, "check", tiny, tiny, folder)[2]
    os.remove(tiny)
    print(f"baseline peak memory (a one-line file): {base / 1e6:.1f} MB; B/B is (peak - baseline) / input bytes")
    failures = []
    print(f"{'case':26} {'doc MB':>7} {'input MB':>8} {'CPU s':>7} {'step':>6} {'MB/s':>6} {'peak MB':>8} {'B/B':>5}  status")
    try:
        for name in a.case or list(CASES):
            command, gen = CASES[name]
            previous = None
            for mb in sizes:
                old = os.path.join(folder, f"{name}-{mb}-old.wiki")
                new = os.path.join(folder, f"{name}-{mb}-new.wiki")
                # Generated in a child process: a child's peak memory as the kernel reports it
                # includes the memory of the process it was forked from, and a generator that has
                # held a 10 MB document's pieces stays large.
                writer = multiprocessing.get_context("fork").Process(target=write_inputs, args=(gen, int(mb * 1_000_000), old, new))
                writer.start()
                writer.join()
                if writer.exitcode != 0:
                    sys.exit(f"scaling.py: generating {name} at {mb} MB failed")
                inputs = os.path.getsize(new) + (0 if command == "check" else os.path.getsize(old))
                cpu, wall, peak, code, err = run(binary, command, old, new, folder)
                step = cpu / previous if previous else None
                rate = inputs / 1e6 / cpu if cpu > 0 else float("inf")
                per_byte = max(0, peak - base) / inputs
                status = "ok" if code in (0, 1) else f"exit {code}: {err.strip().splitlines()[-1] if err.strip() else ''}"
                bad = []
                if code not in (0, 1):
                    bad.append("crashed")
                if step is not None and step > 2.3:
                    bad.append(f"step {step:.2f}x")
                if rate < 2.0:
                    bad.append(f"{rate:.1f} MB/s")
                if per_byte >= 40:
                    bad.append(f"{per_byte:.0f} B/B")
                if bad and status == "ok":
                    status = "SLOW: " + ", ".join(bad)
                if bad:
                    failures.append(f"{name} at {mb} MB: {', '.join(bad)}")
                print(f"{name:26} {mb:7.3f} {inputs / 1e6:8.2f} {cpu:7.2f} {(f'{step:.2f}x' if step else '-'):>6} "
                      f"{rate:6.1f} {peak / 1e6:8.1f} {per_byte:5.1f}  {status}", flush=True)
                previous = cpu
                if not a.keep:
                    os.remove(old)
                    os.remove(new)
    finally:
        if not a.keep:
            shutil.rmtree(folder, ignore_errors=True)
    if failures:
        print("\nscaling.py: " + str(len(failures)) + " problem(s):\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
