import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

/// Mutated seeds and markup soup through every registered parser (wikitext included): no trap,
/// and every location the model reports lies inside the file.
@Suite struct FormatsFuzzTests {
    static let alphabet = Array("*_[]()<>!-#|:`\n \"'{}&;^~=.\\>0123456789abc¹²\r\t-->!--".utf8)

    func mutate(_ bytes: [UInt8], seed: UInt64, edits: Int) -> [UInt8] {
        var x = seed | 1
        func next() -> Int { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return Int(truncatingIfNeeded: x & 0x7FFF_FFFF) }
        var out = bytes
        for _ in 0..<edits {
            guard !out.isEmpty else { break }
            let at = next() % out.count
            switch next() % 3 {
            case 0: out.remove(at: at)
            case 1: out.insert(Self.alphabet[next() % Self.alphabet.count], at: at)
            default: out[at] = Self.alphabet[next() % Self.alphabet.count]
            }
        }
        // Keep it valid UTF-8 so the parsers (not the validator) are exercised.
        return Array(String(decoding: out, as: UTF8.self).utf8)
    }

    func checkInvariants(_ d: Document, _ count: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let lines = d.source.lines.count
        for (section, s) in d.allSentences {
            #expect(!s.text.isEmpty, sourceLocation: sourceLocation)
            #expect(s.sourceRange.lowerBound >= 0 && s.sourceRange.upperBound <= count, sourceLocation: sourceLocation)
            #expect(s.line >= 1 && s.line <= lines, sourceLocation: sourceLocation)
            #expect(section.line >= 1 && section.line <= lines, sourceLocation: sourceLocation)
        }
        for f in d.fields {
            #expect(f.sourceRange.upperBound <= count && f.line >= 1 && f.line <= lines, sourceLocation: sourceLocation)
        }
    }

    static let formats: [DocumentFormat] = FormatRegistry.all.map { $0.format }

    @Test(arguments: [
        "000_1c75f7c1b93db0bb.txt", "001_e3333450b7a6811b.txt", "002_73259c55204946b0.txt", "003_7ef685683aa46a24.txt",
        "004_dae551df292514b4.txt",
    ])
    func mutatedSeedsNeverTrap(name: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: seedPath(name))))
        // The wikitext revisions are ten times longer: fewer rounds keep the suite fast.
        let rounds: UInt64 = original.count > 20_000 ? 8 : 40
        for seed in 1...rounds {
            let bytes = mutate(original, seed: seed, edits: 60)
            guard let s = try? SourceText(path: name, bytes: bytes) else { continue }
            for format in Self.formats {
                if let d = try? DocumentParser.parse(s, format: format) { checkInvariants(d, bytes.count) }
            }
            _ = FormatDetector.detect(s)
        }
    }

    @Test func markupSoupNeverTraps() throws {
        for seed in 1...300 as ClosedRange<UInt64> {
            var bytes = mutate(Array(repeating: 0x61, count: 200), seed: seed, edits: 400)
            // Every other soup also gets wikitext's own openers and closers.
            if seed % 2 == 0 { bytes = Array("{{a|b=[[c|d]]<ref>e".utf8) + bytes + Array("}}</ref>]]|}".utf8) }
            guard let s = try? SourceText(path: "soup.md", bytes: bytes) else { continue }
            for format in Self.formats {
                if let d = try? DocumentParser.parse(s, format: format) { checkInvariants(d, bytes.count) }
            }
        }
    }
}
