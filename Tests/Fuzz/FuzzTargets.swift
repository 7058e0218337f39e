import Foundation

// libFuzzer targets for crosscheck, built by scripts/fuzz.sh (not by SwiftPM: `swift test` stays
// fast). The script compiles the library sources and this folder into one module, so the targets
// reach package and internal declarations directly; no `import` of the library is needed here.
//
// One binary holds every target; CROSSCHECK_FUZZ_TARGET picks one (see FuzzTarget below). Each
// target feeds the bytes to one layer, then checks the invariants every caller relies on: offsets
// inside the file, lines inside the line table, no trap. A failed check is a crash for libFuzzer.

/// The fuzz targets, by the name scripts/fuzz.sh uses.
enum FuzzTarget: String, CaseIterable {
    /// Each input format's parser, with detection, the model dump and claim extraction.
    case wikitext, markdown, plaintext, frontmatter
    /// Two documents (the input split at the first NUL byte): parse, diff, every diff rendering.
    case diff
    /// A small variant set (up to four documents split at NUL bytes): every rule, every report.
    case check
    /// The manifest/config reader, the baseline reader and the command-line option parser.
    case config

    /// The target named by CROSSCHECK_FUZZ_TARGET (checked once, at start-up).
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["CROSSCHECK_FUZZ_TARGET"] ?? ""
        guard let t = FuzzTarget(rawValue: name) else {
            let all = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("crosscheck-fuzz: set CROSSCHECK_FUZZ_TARGET to one of: \(all)\n".utf8))
            exit(2)
        }
        return t
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func crosscheckFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    switch FuzzTarget.selected {
    case .wikitext: Fuzz.parse(bytes, as: .wikitext)
    case .markdown: Fuzz.parse(bytes, as: .markdown)
    case .plaintext: Fuzz.parse(bytes, as: .plaintext)
    case .frontmatter: Fuzz.parse(bytes, as: .frontmatter)
    case .diff: Fuzz.diff(bytes)
    case .check: Fuzz.check(bytes)
    case .config: Fuzz.config(bytes)
    }
    return 0
}

enum Fuzz {
    /// A failed invariant: trap so libFuzzer saves the input.
    static func require(_ ok: Bool, _ what: @autoclosure () -> String) {
        if !ok {
            FileHandle.standardError.write(Data("crosscheck-fuzz: invariant broken: \(what())\n".utf8))
            abort()
        }
    }

    /// Splits at NUL bytes (never valid in a text input, so it cannot hide a construct).
    static func parts(_ bytes: [UInt8], max: Int) -> [[UInt8]] {
        bytes.split(separator: 0, maxSplits: max - 1, omittingEmptySubsequences: false).map(Array.init)
    }

    /// The document model's promises: every range and line inside the file.
    static func checkModel(_ d: Document) {
        let count = d.source.bytes.count
        let lines = d.source.lines.count
        func inside(_ r: Range<Int>, _ what: String) { require(r.lowerBound >= 0 && r.upperBound <= count, "\(what) range \(r) outside 0..<\(count)") }
        func line(_ l: Int, _ what: String) { require(l >= 1 && l <= max(lines, 1), "\(what) line \(l) outside 1...\(lines)") }
        for section in d.sections {
            inside(section.sourceRange, "section")
            inside(section.headingRange, "heading")
            line(section.line, "section")
            for s in section.sentences {
                inside(s.sourceRange, "sentence")
                line(s.line, "sentence")
                for span in s.spans {
                    require(span.textOffset >= 0 && span.textOffset <= s.text.utf8.count, "span text offset \(span.textOffset)")
                    require(span.sourceOffset >= 0 && span.sourceOffset <= count, "span source offset \(span.sourceOffset) outside 0...\(count)")
                }
                for c in s.citations { require(c.offset >= 0 && c.offset <= count, "citation offset \(c.offset)") }
            }
        }
        for f in d.fields {
            inside(f.sourceRange, "field")
            line(f.line, "field")
        }
    }

    static func source(_ bytes: [UInt8], name: String) -> SourceText? {
        try? SourceText(path: name, bytes: bytes)
    }

    static func parse(_ bytes: [UInt8], as format: DocumentFormat) {
        guard let s = source(bytes, name: "fuzz.txt") else { return }
        _ = FormatDetector.detect(s)
        guard let d = try? DocumentParser.parse(s, format: format) else { return }
        checkModel(d)
        _ = DocumentDump.json(d).serialized()
        _ = DocumentDump.text(d)
        _ = ClaimExtractor.claims(in: Variant(id: "fuzz", document: d, order: 0))
    }

    static func diff(_ bytes: [UInt8]) {
        let p = parts(bytes, max: 2)
        guard p.count == 2, let a = source(p[0], name: "old.txt"), let b = source(p[1], name: "new.txt"),
            let old = try? DocumentParser.parse(a)
        else { return }
        // The edit gate's path: NEW's parse reuses OLD's.
        guard let new = try? DocumentParser.parse(b, previous: old.format == FormatDetector.detect(b) ? old : nil) else { return }
        checkModel(old)
        checkModel(new)
        let d = DocumentDiffer.diff(old: old, new: new)
        _ = DiffReport.text(d, color: true)
        _ = DiffReport.markdown(d)
        _ = DiffReport.json(d, old: old, new: new).serialized()
    }

    static let roles: [VariantRole] = [.revision, .revision, .summary, .source]

    static func check(_ bytes: [UInt8]) {
        guard let control = bytes.first else { return }
        var variants: [Variant] = []
        for (i, part) in parts(Array(bytes.dropFirst()), max: 4).enumerated() {
            guard let s = source(part, name: "v\(i).txt"), var d = try? DocumentParser.parse(s) else { continue }
            checkModel(d)
            // The control byte overrides some roles and dates, as a manifest would.
            if control & (1 << i) != 0 { d.role = roles[(Int(control) >> 4 + i) % roles.count] }
            if control & 0x80 != 0 { d.date = PartialDate(iso: "20\(10 + i)") }
            variants.append(Variant(id: "v\(i)", document: d, order: variants.count))
        }
        guard !variants.isEmpty else { return }
        let set = VariantSet(subject: variants.lazy.compactMap { $0.document.title }.first, variants: variants, manifest: nil)
        guard let run = try? RuleEngine.run(set) else { return }
        _ = SectionAligner.align(set.variants.map(\.document))
        let report = Report(set: set, run: run, paths: ReportPaths(workingDirectory: "/fuzz"))
        for reporter in ReportRegistry.all { _ = reporter.render(report, color: false) }
        _ = TextReport.render(report, color: true)
        _ = Baseline(findings: run.findings).serialized()
    }

    /// Where config inputs are written for the file-based readers (one file per process).
    static let scratch = NSTemporaryDirectory() + "crosscheck-fuzz-\(getpid()).json"

    static func config(_ bytes: [UInt8]) {
        let p = parts(bytes, max: 2)
        // The first part as a manifest, a config and a baseline file.
        if FileManager.default.createFile(atPath: scratch, contents: Data(p[0])) {
            _ = try? Manifest.load(path: scratch)
            _ = try? Baseline.load(path: scratch)
        }
        _ = try? JSONValue.parse(String(decoding: p[0], as: UTF8.self))
        // The second part as a command line, one argument per line.
        guard p.count == 2 else { return }
        let args = String(decoding: p[1], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for command in CrossCheckCLI.commands {
            guard let parsed = try? ParsedArguments.parse(args, spec: command.spec, command: command.name) else { continue }
            if let options = try? ReportOptions.parse(parsed, command: command.name) {
                for t in options.targets {
                    guard let p = t.path else { continue }
                    _ = ReportFormat.guess(path: p)
                    _ = (OutputFiles.folder(of: p), OutputFiles.name(of: p))
                    _ = ReportPaths(workingDirectory: "/fuzz", reportFile: p)
                }
            }
        }
    }
}
