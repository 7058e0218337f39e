import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckTestSupport

/// The seed set loaded once per call.
func factsSeedClaims() throws -> ClaimSet {
    ClaimSet(try VariantSet.load(paths: [packageRoot + "/seeds"]))
}

@Suite struct FactsClaimExtractorSeedTests {
    @Test func summaryHeadquartersClaims() throws {
        let cs = try factsSeedClaims().claims("003_7ef685683aa46a24").filter { $0.attribute == .headquarters }
        #expect(cs.map(\.line).sorted() == [9, 54, 113])
        let byLine = Dictionary(cs.map { ($0.line, $0.value.description) }, uniquingKeysWith: { a, _ in a })
        #expect(byLine[9] == "Hong Kong; Shanghai")
        #expect(byLine[54] == "Shanghai")
        #expect(byLine[113] == "Shanghai")
        #expect(cs.allSatisfy { !$0.cited })
        #expect(cs.first { $0.line == 9 }?.evidence.section == "Company Info")
    }

    @Test func olderRevisionIsPrivate() throws {
        let cs = try factsSeedClaims().claims("002_73259c55204946b0").filter { $0.attribute == .status }
        let c = try #require(cs.first)
        #expect(c.value == .status([.private]))
        #expect(c.line == 8 && c.origin == .field && c.label == "type")
    }

    @Test func newerRevisionFoundersFromFieldAndSentence() throws {
        let cs = try factsSeedClaims().claims("001_e3333450b7a6811b").filter { $0.attribute == .founders }
        #expect(cs.count == 2)
        for c in cs {
            guard case let .people(p) = c.value else { Issue.record("not people"); continue }
            #expect(p.map(\.display) == ["Tang Xiao'ou", "Xu Li"])
        }
        #expect(cs.contains { $0.origin == .field && $0.line == 13 })
        #expect(cs.contains { $0.origin == .sentence && $0.cited && $0.evidence.section == "History > 2014" })
        // The summary's "Professor Xiao'ou Tang" is the same person.
        let summary = try factsSeedClaims().claims("003_7ef685683aa46a24").first { $0.attribute == .founders }
        guard case let .people(s)? = summary?.value, case let .people(r) = cs[0].value else { Issue.record("no founders"); return }
        #expect(s.first?.key == r.first?.key)
    }

    @Test func statusAndEventsOfTheNewerRevision() throws {
        let cs = try factsSeedClaims().claims("001_e3333450b7a6811b")
        #expect(cs.contains { $0.attribute == .status && $0.value == .status([.public, .partlyStateOwned]) && $0.origin == .sentence })
        let ipo = try #require(cs.first { $0.attribute == .event })
        #expect(ipo.value == .text("listing", PartialDate(year: 2021, month: 12, day: 30)))
        // "considering an IPO" (2020) and "filed for IPO" are not completed listings.
        #expect(cs.filter { $0.attribute == .event }.count == 1)
    }

    @Test func plainTextRenderingInheritsCitationsFromTheRevision() throws {
        let cs = try factsSeedClaims().claims("000_1c75f7c1b93db0bb")
        let hq = try #require(cs.first { $0.attribute == .headquarters })
        #expect(hq.cited)
        let money = cs.filter { $0.attribute == .money }
        #expect(!money.isEmpty && money.allSatisfy(\.cited))
    }

    @Test func figuresAndCurrencies() throws {
        let cs = try factsSeedClaims()
        let valuation = cs.claims("002_73259c55204946b0").first { $0.attribute == .valuation }
        guard case let .quantity(q)? = valuation?.value else { Issue.record("no valuation"); return }
        #expect(q.bound == .atLeast && q.value == 7.7e9)
        let hkd = cs.claims("001_e3333450b7a6811b").contains {
            if case let .quantity(q) = $0.value { return q.currency == Currency("HKD") && q.value == 767e6 }
            return false
        }
        #expect(hkd)
    }
}

@Suite struct FactsClaimExtractorTextTests {
    func claims(_ text: String, format: DocumentFormat = .plaintext, role: VariantRole = .revision) throws -> [Claim] {
        let set = try RuleExample(ExampleFile("x.txt", role: role, format: format, text)).variantSet()
        return ClaimExtractor.claims(in: set.variants[0])
    }

    @Test func keySynonyms() {
        #expect(ClaimExtractor.attribute(forKey: "hq_location") == .headquarters)
        #expect(ClaimExtractor.attribute(forKey: "global headquarters") == .headquarters)
        #expect(ClaimExtractor.attribute(forKey: "founders") == .founders)
        #expect(ClaimExtractor.attribute(forKey: "foundation") == .founded)
        #expect(ClaimExtractor.attribute(forKey: "num_employees") == .employees)
        #expect(ClaimExtractor.attribute(forKey: "2023 revenue") == .revenue)
        #expect(ClaimExtractor.attribute(forKey: "traded_as") == .listing)
        #expect(ClaimExtractor.attribute(forKey: "type") == .status)
        #expect(ClaimExtractor.attribute(forKey: "industry") == nil)
    }

    @Test func sentencePatterns() throws {
        let cs = try claims("""
            Larkspur Analytics is a privately held data company based in Eastmoor, Westland. It was co-founded in May 2012 by Dr. Ines Calder and engineer Tomas Reyes. In 2020 it was valued at about $1.5 billion.
            """)
        #expect(cs.contains { $0.attribute == .status && $0.value == .status([.private]) })
        #expect(cs.contains { $0.attribute == .headquarters && $0.value.description == "Eastmoor" })
        #expect(cs.contains { $0.attribute == .founders && $0.value.description == "Ines Calder; Tomas Reyes" })
        #expect(cs.contains { $0.attribute == .founded && $0.value == .date(PartialDate(year: 2012, month: 5)) })
        #expect(cs.contains { $0.attribute == .valuation && $0.value.description == "~1500000000 $" })
    }

    @Test func otherEntitiesAreNotTheSubject() throws {
        let cs = try claims("""
            Larkspur Analytics builds dashboards. The Northwind Fund, a state-owned enterprise, holds a stake in Larkspur Analytics.
            """)
        #expect(!cs.contains { $0.attribute == .status })
    }
}

@Suite struct FactsCommandTests {
    @Test func markdownAndJSON() throws {
        let md = runCLI(["facts", "seeds"])
        #expect(md.status == 0)
        #expect(md.out.contains("## 003_7ef685683aa46a24 (summary, markdown, 2023)"))
        #expect(md.out.contains("| headquarters | Hong Kong; Shanghai | no | 9 | Company Info |"))
        let js = runCLI(["facts", "seeds", "--format", "json"])
        #expect(js.status == 0)
        let json = try JSONValue.parse(js.out)
        let variants = try #require(json["variants"]?.arrayValue)
        #expect(variants.count == 5)
        let summary = try #require(variants.first { $0["id"]?.stringValue == "003_7ef685683aa46a24" })
        let claims = try #require(summary["claims"]?.arrayValue)
        let founder = try #require(claims.first { $0["attribute"]?.stringValue == "founders" })
        #expect(founder["evidence"]?["line"]?.intValue == 8)
        #expect(founder["evidence"]?["path"]?.stringValue?.hasSuffix("seeds/003_7ef685683aa46a24.txt") == true)
        #expect(founder["normalized"]?["people"]?.arrayValue?.count == 1)
        #expect(founder["cited"]?.boolValue == false)
    }

    @Test func usageErrors() {
        #expect(runCLI(["facts"]).status == 2)
        #expect(runCLI(["facts", "seeds", "--format", "xml"]).status == 2)
        let missing = runCLI(["facts", "no/such/file.txt"])
        #expect(missing.status == 2 && missing.err.contains("no/such/file.txt"))
    }
}

/// A claim shares its value, evidence, label and statement among its copies; it must still
/// behave as a value: a change to a copy leaves the original alone, and equality is by content.
@Suite struct ClaimValueSemanticsTests {
    func claim() -> Claim {
        Claim(
            attribute: .revenue, value: .quantity(QuantityNormalizer.quantities(in: "$5 million").first!), cited: false,
            evidence: Evidence(variant: "a", path: "a.md", line: 3, section: "History", text: "It made $5 million."),
            origin: .sentence, label: "revenue", statement: "It made $5 million.")
    }

    @Test func aChangedCopyLeavesTheOriginalAlone() {
        let a = claim()
        var b = a
        #expect(a == b)
        b.evidence.line = 9
        b.label = "sales"
        b.cited = true
        #expect(a.line == 3 && a.label == "revenue" && !a.cited)
        #expect(b.line == 9 && b.label == "sales" && b.cited)
        #expect(b.value == a.value && b.statement == a.statement)
        #expect(a != b)
        // The evidence states the value for people.
        #expect(a.evidence.value == a.value.readable && a.evidence.value?.contains("5") == true)
    }

    @Test func equalContentIsEqualAndHashesAlike() {
        let a = claim(), b = claim()
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        var c = claim()
        c.statement = "Other."
        #expect(c != a)
    }
}
