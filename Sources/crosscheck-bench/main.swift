import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckCLI
import Foundation

func r1(_ x: Double) -> Double { (x * 10).rounded() / 10 }

// Benchmarks for crosscheck: run with `swift run -c release crosscheck-bench [--json] [--corpus DIR]`.
//
// All times are CPU time of the benchmark thread (CLOCK_THREAD_CPUTIME_ID), not wall time.
// Measures parse and tokenise throughput, the diff of every consecutive revision pair and of the
// far-apart pairs in the corpus (each file parsed once, as a gate over a revision stream would),
// scaling on generated inputs, and peak memory.

struct Options {
    var json = false
    var corpus: String? = nil
    var limit = Int.max
    var scaling = true
    /// Only the parse throughput pass (for profiling the parser alone).
    var parseOnly = false
    /// A MediaWiki export to walk with `history` (only that is measured).
    var history: String? = nil
    var historyLimit: Int? = nil
    /// Walk the history without carrying the rules' work from revision to revision.
    var historyFresh = false
    /// Write the history's JSON Lines here (to compare runs).
    var historyOutput: String? = nil
    /// wikidiff2's CPU ms on the same pairs, from scripts/compare-peers.sh, printed beside ours.
    var wikidiff2Ms: Double? = nil
}

func parseOptions() -> Options {
    var o = Options()
    var args = CommandLine.arguments.dropFirst().makeIterator()
    while let a = args.next() {
        switch a {
        case "--json": o.json = true
        case "--corpus": o.corpus = args.next()
        case "--limit": o.limit = Int(args.next() ?? "") ?? Int.max
        case "--no-scaling": o.scaling = false
        case "--parse-only": o.parseOnly = true
        case "--history": o.history = args.next()
        case "--history-limit": o.historyLimit = Int(args.next() ?? "")
        case "--history-fresh": o.historyFresh = true
        case "--history-output": o.historyOutput = args.next()
        case "--wikidiff2-ms": o.wikidiff2Ms = Double(args.next() ?? "")
        case "--help", "-h":
            print("Usage: crosscheck-bench [--json] [--corpus DIR] [--limit N] [--no-scaling] [--parse-only]")
            print("       crosscheck-bench --history EXPORT [--history-limit N] [--history-fresh] [--history-output FILE] [--wikidiff2-ms MS] [--json]")
            exit(0)
        default:
            FileHandle.standardError.write(Data("crosscheck-bench: unknown option \(a)\n".utf8))
            exit(2)
        }
    }
    return o
}

/// CPU time of this thread in milliseconds: the machine is shared, so wall time would mostly
/// measure the neighbours; CPU time measures the work done.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
}

func peakRSSMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

func defaultCorpus() -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let local = URL(fileURLWithPath: cwd).appendingPathComponent("../shared/corpus").standardized.path
    if FileManager.default.fileExists(atPath: local) { return local }
    return "/work/shared/corpus"
}

func files(in dir: String, limit: Int) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return Array(names.filter { !$0.hasPrefix(".") }.sorted().prefix(limit)).map { dir + "/" + $0 }
}

func load(_ path: String) -> SourceText? {
    do { return try SourceText.load(path: path) } catch {
        FileHandle.standardError.write(Data("crosscheck-bench: \(error.description)\n".utf8))
        return nil
    }
}

func parse(_ s: SourceText, previous: Document? = nil) -> Document? {
    try? DocumentParser.parse(s, format: .wikitext, previous: previous)
}

struct PairStats {
    var pairs = 0
    var totalMs = 0.0
    var diffOnlyMs = 0.0
    var maxMs = 0.0
    var perPairMs: Double { pairs == 0 ? 0 : totalMs / Double(pairs) }

    mutating func add(_ other: PairStats) {
        pairs += other.pairs
        totalMs += other.totalMs
        diffOnlyMs += other.diffOnlyMs
        maxMs = max(maxMs, other.maxMs)
    }
}

/// Parses each file once and diffs neighbours; a pair's time is parsing its new file plus the diff.
/// With `incremental`, each file's parse reuses its predecessor's where the bytes did not change.
func runPairs(_ sources: [SourceText], incremental: Bool = false) -> (PairStats, parseMs: Double, docs: [Document?]) {
    var stats = PairStats()
    var parseMs = 0.0
    var previous: Document? = nil
    var firstParse = 0.0
    var docs: [Document?] = []
    for (i, s) in sources.enumerated() {
        let t0 = now()
        let parsed = parse(s, previous: incremental ? previous : nil)
        docs.append(parsed)
        guard let doc = parsed else { previous = nil; continue }
        let t1 = now()
        parseMs += t1 - t0
        if i == 0 { firstParse = t1 - t0 }
        if let prev = previous {
            let d = DocumentDiffer.diff(old: prev, new: doc)
            let t2 = now()
            _ = d.sections.count
            stats.pairs += 1
            stats.diffOnlyMs += t2 - t1
            let pair = t2 - t0
            stats.totalMs += pair
            stats.maxMs = max(stats.maxMs, pair)
        }
        previous = doc
    }
    // The first file's parse belongs to the first pair.
    stats.totalMs += firstParse
    return (stats, parseMs, docs)
}

/// Pairs whose incremental parse differs from the full parse (checked outside the timing), and
/// the first difference found.
func incrementalMismatches(_ full: [Document?], _ incremental: [Document?]) -> (count: Int, first: String?) {
    var count = 0
    var first: String?
    for (a, b) in zip(full, incremental) {
        guard let a, let b else { if (a == nil) != (b == nil) { count += 1 }; continue }
        if let d = b.parseDifference(from: a) {
            count += 1
            if first == nil { first = "\(b.path): \(d)" }
        }
    }
    return (count, first)
}

/// A deterministic generator for synthetic articles.
struct Generator {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    mutating func next(_ n: Int) -> Int {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Int(state % UInt64(max(1, n)))
    }
    static let words: [String] = {
        let syllables = ["ka", "lo", "mi", "ren", "sa", "to", "vi", "del", "an", "por", "ist", "ule", "ga", "ne", "ric", "ob"]
        var out: [String] = []
        for a in syllables { for b in syllables { out.append(a + b) } }
        return out
    }()
    mutating func sentence() -> String {
        let n = 8 + next(20)
        var s = (0..<n).map { _ in Generator.words[next(Generator.words.count)] }
        s[0] = s[0].capitalized
        if next(4) == 0 { s.insert(String(1900 + next(120)), at: next(s.count)) }
        return s.joined(separator: " ") + "."
    }
}

/// A synthetic markdown article of about `bytes` bytes: sections of paragraphs of sentences.
func generate(bytes: Int, gen: inout Generator) -> [[String]] {
    var paragraphs: [[String]] = []
    var size = 0
    while size < bytes {
        var p: [String] = []
        for _ in 0..<(3 + gen.next(5)) { let s = gen.sentence(); size += s.utf8.count + 1; p.append(s) }
        paragraphs.append(p)
    }
    return paragraphs
}

func render(_ paragraphs: [[String]]) -> String {
    var out = "# Article\n\n"
    for (i, p) in paragraphs.enumerated() {
        if i % 8 == 0 { out += "## Section \(i / 8)\n\n" }
        out += p.joined(separator: " ") + "\n\n"
    }
    return out
}

/// Edits `fraction` of the sentences: a word replaced, a sentence deleted or inserted, or a sentence moved.
func edit(_ paragraphs: [[String]], fraction: Double, gen: inout Generator) -> [[String]] {
    var out = paragraphs
    let total = paragraphs.reduce(0) { $0 + $1.count }
    let edits = Int(Double(total) * fraction)
    for _ in 0..<edits {
        let p = gen.next(out.count)
        guard !out[p].isEmpty else { continue }
        let s = gen.next(out[p].count)
        switch gen.next(10) {
        case 0: out[p].remove(at: s)
        case 1: out[p].insert(gen.sentence(), at: s)
        case 2:
            let moved = out[p].remove(at: s)
            let q = gen.next(out.count)
            out[q].insert(moved, at: gen.next(out[q].count + 1))
        default:
            var words = out[p][s].split(separator: " ").map(String.init)
            words[gen.next(words.count)] = Generator.words[gen.next(Generator.words.count)]
            out[p][s] = words.joined(separator: " ")
        }
    }
    return out
}

struct ScalingRow {
    var mb: Double
    var editedPercent: Int
    var parseMs: Double
    var diffMs: Double
    var coarse: Bool
}

let options = parseOptions()

// `--history EXPORT`: `crosscheck history EXPORT --format jsonl` in this process, on one core:
// CPU time of this thread (the reader, parses, rules, output), the decompressor's CPU time
// (a child process), and the peak memory.
if let export = options.history {
    var out = 0
    let t0 = now()
    let walked: HistoryBench.Result
    do {
        let sink = options.historyOutput.flatMap { FileHandle(forWritingAtPath: $0) ?? (FileManager.default.createFile(atPath: $0, contents: nil) ? FileHandle(forWritingAtPath: $0) : nil) }
        if let sink { sink.truncateFile(atOffset: 0) }
        walked = try HistoryBench.run(export, limit: options.historyLimit, incremental: !options.historyFresh) { line in
            out += line.utf8.count
            sink?.write(Data(line.utf8))
        }
    } catch {
        FileHandle.standardError.write(Data("crosscheck-bench: \(error)\n".utf8))
        exit(2)
    }
    let ms = now() - t0
    var children = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &children)
    let childMs = Double(children.ru_utime.tv_sec + children.ru_stime.tv_sec) * 1000
        + Double(children.ru_utime.tv_usec + children.ru_stime.tv_usec) / 1000
    let rss = peakRSSMB()
    if options.json {
        var o: [String: JSONValue] = [
            "history_revisions": .int(walked.revisions), "history_mb": .number(r1(Double(walked.bytes) / 1_048_576)),
            "history_cpu_ms": .number(r1(ms)), "history_decompressor_cpu_ms": .number(r1(childMs)),
            "history_output_bytes": .int(out), "peak_rss_mb": .number(r1(rss)),
        ]
        if let w = options.wikidiff2Ms { o["history_wikidiff2_cpu_ms"] = .number(w) }
        print(JSONValue.object(o).serialized(), terminator: "")
    } else {
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        print("| measure | value |")
        print("|---|---|")
        print("| history: \(walked.revisions) revisions, \(f(Double(walked.bytes) / 1_048_576)) MB of wikitext, jsonl | \(f(ms / 1000)) s CPU (\(f(ms / Double(max(1, walked.revisions)))) ms per revision) |")
        print("| decompressor (child process) | \(f(childMs / 1000)) s CPU |")
        if let w = options.wikidiff2Ms {
            print("| wikidiff2 on the same \(max(0, walked.revisions - 1)) consecutive pairs | \(f(w / 1000)) s CPU |")
        }
        print("| peak memory (maxrss) | \(f(rss)) MB |")
    }
    exit(0)
}
let corpus = options.corpus ?? defaultCorpus()
let consecutiveFiles = files(in: corpus + "/anarchism/consecutive", limit: options.limit)
let sampledFiles = files(in: corpus + "/anarchism/sampled", limit: options.limit)
if consecutiveFiles.isEmpty && sampledFiles.isEmpty {
    FileHandle.standardError.write(Data("crosscheck-bench: no corpus files under \(corpus)/anarchism\n".utf8))
    exit(2)
}
let consecutive = consecutiveFiles.compactMap(load)
let sampled = sampledFiles.compactMap(load)

// Parse throughput over every corpus file.
let allSources = consecutive + sampled
let totalBytes = allSources.reduce(0) { $0 + $1.bytes.count }
var t = now()
var parsed = 0
for s in allSources { if parse(s) != nil { parsed += 1 } }
let parseMs = now() - t
let parseMBs = Double(totalBytes) / 1_048_576 / (parseMs / 1000)
if options.parseOnly {
    print("parse (\(parsed) files, \(String(format: "%.1f", Double(totalBytes) / 1_048_576)) MB): \(String(format: "%.1f", parseMBs)) MB/s")
    exit(0)
}

// Tokenise throughput (tokens with normalised keys) over the raw text.
t = now()
var tokenCount = 0
for s in allSources { tokenCount += Tokenizer.tokens(s.bytes).count }
let tokenizeMs = now() - t
let tokenizeMBs = Double(totalBytes) / 1_048_576 / (tokenizeMs / 1000)

/// Both ways of parsing a revision stream, and how often they disagreed; the documents are
/// dropped on return, so they do not count in the peak memory of the scaling runs.
func measure(_ sources: [SourceText]) -> (full: PairStats, incremental: PairStats, check: (count: Int, first: String?)) {
    let (full, _, fullDocs) = runPairs(sources)
    let (incremental, _, incrementalDocs) = runPairs(sources, incremental: true)
    return (full, incremental, incrementalMismatches(fullDocs, incrementalDocs))
}
let (consFull, cons, consCheck) = measure(consecutive)
let (sampFull, samp, sampCheck) = measure(sampled)
if let first = consCheck.first ?? sampCheck.first {
    FileHandle.standardError.write(Data("crosscheck-bench: incremental parse differs from full parse: \(first)\n".utf8))
}

// The multilingual edit pairs (NNN-old.wiki, NNN-new.wiki): everyday edits in five languages.
var multilingualPairs: [[SourceText]] = []
let multilingualRoot = corpus + "/multilingual"
for lang in ((try? FileManager.default.contentsOfDirectory(atPath: multilingualRoot)) ?? []).sorted() {
    let dir = multilingualRoot + "/" + lang
    for old in files(in: dir, limit: Int.max) where old.hasSuffix("-old.wiki") {
        let new = String(old.dropLast("-old.wiki".count)) + "-new.wiki"
        if let a = load(old), let b = load(new) { multilingualPairs.append([a, b]) }
    }
}
var multi = PairStats()
var multiFull = PairStats()
var multiCheck = (count: 0, first: String?.none)
for pair in multilingualPairs.prefix(options.limit) {
    let (f, i, c) = measure(pair)
    multiFull.add(f)
    multi.add(i)
    multiCheck.count += c.count
    if multiCheck.first == nil { multiCheck.first = c.first }
}
if let first = multiCheck.first {
    FileHandle.standardError.write(Data("crosscheck-bench: incremental parse differs from full parse: \(first)\n".utf8))
}

var scaling: [ScalingRow] = []
if options.scaling {
    for mb in [0.1, 1.0, 10.0] {
        var gen = Generator()
        let base = generate(bytes: Int(mb * 1_048_576), gen: &gen)
        let oldText = render(base)
        for fraction in [0.01, 0.30] {
            let newText = render(edit(base, fraction: fraction, gen: &gen))
            guard let a = try? SourceText(path: "old.md", bytes: Array(oldText.utf8)),
                  let b = try? SourceText(path: "new.md", bytes: Array(newText.utf8)) else { continue }
            let t0 = now()
            guard let da = try? DocumentParser.parse(a, format: .markdown),
                  let db = try? DocumentParser.parse(b, format: .markdown) else { continue }
            let t1 = now()
            let d = DocumentDiffer.diff(old: da, new: db)
            let t2 = now()
            scaling.append(ScalingRow(mb: mb, editedPercent: Int(fraction * 100), parseMs: t1 - t0, diffMs: t2 - t1, coarse: d.coarse))
        }
    }
}
let rss = peakRSSMB()


if options.json {
    let value: JSONValue = .object([
        "parse_mb_s": .number(r1(parseMBs)),
        "tokenize_mb_s": .number(r1(tokenizeMBs)),
        "consecutive_pairs": .int(cons.pairs),
        "consecutive_total_ms": .number(r1(cons.totalMs)),
        "consecutive_diff_ms": .number(r1(cons.diffOnlyMs)),
        "consecutive_max_ms": .number(r1(cons.maxMs)),
        "consecutive_full_parse_total_ms": .number(r1(consFull.totalMs)),
        "consecutive_full_parse_max_ms": .number(r1(consFull.maxMs)),
        "incremental_mismatches": .int(consCheck.count + sampCheck.count + multiCheck.count),
        "multilingual_pairs": .int(multi.pairs),
        "multilingual_total_ms": .number(r1(multi.totalMs)),
        "multilingual_max_ms": .number(r1(multi.maxMs)),
        "multilingual_full_parse_total_ms": .number(r1(multiFull.totalMs)),
        "sampled_pairs": .int(samp.pairs),
        "sampled_total_ms": .number(r1(samp.totalMs)),
        "sampled_diff_ms": .number(r1(samp.diffOnlyMs)),
        "sampled_max_ms": .number(r1(samp.maxMs)),
        "sampled_full_parse_total_ms": .number(r1(sampFull.totalMs)),
        "sampled_full_parse_max_ms": .number(r1(sampFull.maxMs)),
        "scaling": .array(scaling.map { row in
            .object([
                "mb": .number(row.mb), "edited_percent": .int(row.editedPercent),
                "parse_ms": .number(r1(row.parseMs)), "diff_ms": .number(r1(row.diffMs)), "coarse": .bool(row.coarse),
            ])
        }),
        "peak_rss_mb": .number(r1(rss)),
    ])
    print(value.serialized(), terminator: "")
} else {
    func f(_ x: Double) -> String { String(format: "%.1f", x) }
    print("crosscheck-bench (corpus: \(corpus))")
    print("")
    print("| measure | value |")
    print("|---|---|")
    print("| parse (\(parsed) files, \(f(Double(totalBytes) / 1_048_576)) MB) | \(f(parseMBs)) MB/s |")
    print("| tokenise (\(tokenCount) tokens) | \(f(tokenizeMBs)) MB/s |")
    print("| consecutive: \(cons.pairs) pairs, incremental parse + diff total | \(f(cons.totalMs)) ms (diff only \(f(cons.diffOnlyMs)) ms) |")
    print("| consecutive: per pair mean / max | \(f(cons.perPairMs)) / \(f(cons.maxMs)) ms |")
    print("| consecutive: full parse + diff total / max | \(f(consFull.totalMs)) / \(f(consFull.maxMs)) ms |")
    print("| sampled: \(samp.pairs) pairs, incremental parse + diff total | \(f(samp.totalMs)) ms (diff only \(f(samp.diffOnlyMs)) ms) |")
    print("| sampled: per pair mean / worst | \(f(samp.perPairMs)) / \(f(samp.maxMs)) ms |")
    print("| sampled: full parse + diff total / worst | \(f(sampFull.totalMs)) / \(f(sampFull.maxMs)) ms |")
    print("| multilingual: \(multi.pairs) edit pairs, incremental parse + diff total / max | \(f(multi.totalMs)) / \(f(multi.maxMs)) ms (full parse: \(f(multiFull.totalMs)) ms) |")
    print("| incremental parses differing from the full parse | \(consCheck.count + sampCheck.count + multiCheck.count) |")
    for row in scaling {
        print("| generated \(row.mb) MB, \(row.editedPercent)% sentences edited: parse both / diff | \(f(row.parseMs)) / \(f(row.diffMs)) ms\(row.coarse ? " (coarse)" : "") |")
    }
    print("| peak memory (maxrss) | \(f(rss)) MB |")
}
