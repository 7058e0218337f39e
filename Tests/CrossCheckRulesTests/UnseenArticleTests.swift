import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckTestSupport

/// Runs every rule over an invented variant set in `Tests/Fixtures/<name>/`.
///
/// The fixtures are articles the rules were not written for: each plants known conflicts and a
/// good deal of legitimate variation (paraphrase, legal forms, name order, British and American
/// spelling, a city with and without its country, amounts written two ways).
func unseenRun(_ name: String) throws -> RuleRun {
    let set = try VariantSet.load(paths: [packageRoot + "/Tests/Fixtures/" + name])
    return try RuleEngine.run(set)
}

/// True for a figure or date that an edit updated with a new citation or a new date stamp:
/// information about the history, checked on its own in `ChangedValueTests`.
func isValueUpdate(_ f: Finding) -> Bool {
    f.kind == .change && f.severity == .info && (f.rule == "number-conflict" || f.rule == "date-conflict")
}

/// "rule variant:line" of every finding (its first evidence) except value updates, sorted.
func unseenSignatures(_ run: RuleRun) -> [String] {
    run.findings.filter { !isValueUpdate($0) }.map { "\($0.rule) \($0.primary?.variant ?? "?"):\($0.primary?.line ?? 0)" }.sorted()
}

@Suite struct UnseenArticleTests {
    /// A Dutch instrument maker: older and newer wikitext, the newer one rendered as plain text with
    /// footnote marks, a news item's front matter, and a model-written summary.
    @Test func marrowbyFindsEveryPlantedConflictAndNothingElse() throws {
        let run = try unseenRun("marrowby")
        #expect(unseenSignatures(run) == [
            "currency-mismatch 04_summary:18",  // $310 million (summary) vs €310 million (revisions)
            "date-format 02_rev2022:33",  // "March 12, 2019" in a dmy article
            "duplicate-section 04_summary:13",  // "## Products" twice
            "headquarters-conflict 04_summary:10",  // Rotterdam vs Utrecht
            "introduced-typo 02_rev2022:27",  // "Marowby"
            "merged-words 04_summary:4",  // "aleading"
            "merged-words 04_summary:4",  // "theirfirst"
            "misplaced-event 02_rev2022:33",  // September 2018 under 2019
            "misplaced-event 03_rendered:36",  // the same, in the rendering
            "stale-claim 01_rev2016:14",  // "is currently the largest"
            "stale-claim 01_rev2016:28",  // "As of 2015"
            "status-conflict 01_rev2016:5",  // private -> public, explained by the IPO
            "status-conflict 04_summary:9",  // the summary says Private
            "unsourced-figure 04_summary:19",  // €355 million
            "unsourced-figure 04_summary:20",  // 18%
            "unsupported-claim 04_summary:26",  // invented partners
        ])
        let status = run.findings.filter { $0.rule == "status-conflict" }
        #expect(status.first { $0.primary?.variant == "04_summary" }?.severity == .error)
        #expect(status.first { $0.primary?.variant == "01_rev2016" }?.severity == .info)
        let hq = try #require(run.findings.first { $0.rule == "headquarters-conflict" })
        #expect(hq.values == ["Utrecht", "Rotterdam"])
        #expect(hq.likelyWrong == "04_summary")
        let currency = try #require(run.findings.first { $0.rule == "currency-mismatch" })
        #expect(currency.likelyWrong == "04_summary")
        #expect(currency.evidence.contains { $0.variant == "02_rev2022" && $0.line == 12 })
        #expect(run.findings.first { $0.rule == "introduced-typo" }?.values == ["Marowby", "Marrowby"])
        #expect(Set(run.findings.filter { $0.rule == "merged-words" }.compactMap(\.values.first)) == ["aleading", "theirfirst"])
    }

    /// Legitimate variation in the same set: founders in another order, "Inc."/"Incorporated"/
    /// "B.V."/"N.V.", "USD 2.1 billion" vs "$2.1bn", "12 March 2021" in a dmy article, colour/color,
    /// organise/organized, travelled/traveled, centre/center, "Utrecht, Netherlands" vs "Utrecht",
    /// names with "van der" and "de la".
    @Test func marrowbyLegitimateVariationIsQuiet() throws {
        let run = try unseenRun("marrowby")
        #expect(!run.findings.contains { $0.rule == "founder-conflict" })
        #expect(!run.findings.contains { $0.rule == "number-conflict" && !isValueUpdate($0) })
        #expect(!run.findings.contains { $0.rule == "date-conflict" && !isValueUpdate($0) })
        #expect(!run.findings.contains { $0.message.contains("Incorporated") })
        #expect(!run.findings.contains { f in f.rule == "date-format" && f.message.contains("12 March 2021") })
        #expect(!run.findings.contains { f in f.rule == "currency-mismatch" && f.message.contains("2.1") })
        for word in ["color", "organized", "traveled", "center", "travelled", "colour"] {
            #expect(!run.findings.contains { $0.values.first?.lowercased() == word }, "flagged \(word)")
        }
    }

    /// A South Korean ferry operator (mdy dates, a Japanese co-founder written in both name
    /// orders, a Korean native name, won amounts as "₩" and "KRW"), summarised in British spelling.
    @Test func hanbitFindsEveryPlantedConflictAndNothingElse() throws {
        let run = try unseenRun("hanbit")
        #expect(unseenSignatures(run) == [
            "date-format 02_rev2023:29",  // "14 September 2020" in an mdy article
            "founder-conflict 04_summary:8",  // Lee Dong-hyun instead of Kenji Watanabe
            "introduced-typo 02_rev2023:26",  // "Hnabit"
            "merged-words 04_summary:17",  // "passengerservices"
            "misplaced-event 02_rev2023:29",  // March 2019 under 2020
            "misplaced-event 03_rendered:31",
            "stale-claim 01_rev2017:14",  // "currently operates 12 vessels"
            "unsourced-figure 04_summary:12",  // 2.4 million passengers (the article says 2.1 million)
            "unsupported-claim 04_summary:20",  // an invented route and partner
        ])
        let founders = try #require(run.findings.first { $0.rule == "founder-conflict" })
        #expect(founders.likelyWrong == "04_summary")
        #expect(run.findings.first { $0.rule == "merged-words" }?.values == ["passengerservices", "passenger services"])
    }

    @Test func hanbitLegitimateVariationIsQuiet() throws {
        let run = try unseenRun("hanbit")
        // "KRW 45 billion" is the cited "₩45 billion"; "Busan" is "Busan, South Korea".
        #expect(!run.findings.contains { $0.message.contains("KRW") })
        #expect(!run.findings.contains { $0.rule == "headquarters-conflict" || $0.rule == "status-conflict" })
        // "travelled" in a revision that otherwise writes "traveled" is a spelling, not a typo.
        #expect(!run.findings.contains { $0.values.first == "travelled" })
        // The founders line is founder-conflict's; it is not also an unsupported statement.
        #expect(!run.findings.contains { $0.rule == "unsupported-claim" && $0.primary?.line == 8 })
    }

    /// A music society: real words one slip from the article's frequent words ("ethic"/"ethnic",
    /// "ensue"/"ensure", "equalled"/"equaled"), real words that look fused ("fellow"), and three
    /// genuine slips.
    @Test func ashcombeTextRules() throws {
        let run = try unseenRun("ashcombe")
        #expect(unseenSignatures(run) == [
            "introduced-typo 02_rev2024:18",  // "Ashcmobe"
            "merged-words 03_summary:14",  // "ofthe"
            "merged-words 03_summary:15",  // "theirfirst"
        ])
        #expect(run.findings.first { $0.rule == "introduced-typo" }?.values == ["Ashcmobe", "Ashcombe"])
    }
}

@Suite struct UnseenWordJudgementTests {
    func stats(_ words: [String: Int]) -> WordStats {
        WordStats(perVariant: [[:], words], total: words, variantCount: words.mapValues { _ in 1 })
    }

    @Test func realWordsAreNotFusions() {
        let s = stats(["fell": 3, "gather": 2, "rings": 2, "viable": 2, "ability": 2, "count": 3, "store": 2, "all": 5, "location": 3, "surf": 2, "face": 2])
        for w in ["fellow", "gatherings", "viability", "discount", "restore", "allocation", "surface", "yellow", "governor", "therapist"] {
            #expect(MergedWordsRule.judge(w, w, stats: s, variant: 0) == nil, "split \(w)")
        }
    }

    @Test func runOnDeterminersAreFusions() {
        let s = stats(["first": 3, "leading": 2])
        #expect(MergedWordsRule.judge("theirfirst", "theirfirst", stats: s, variant: 0)?.first == "their")
        #expect(MergedWordsRule.judge("aleading", "aleading", stats: s, variant: 0)?.second == "leading")
        #expect(MergedWordsRule.judge("ofthe", "ofthe", stats: s, variant: 0)?.first == "of")
        #expect(MergedWordsRule.judge("aboard", "aboard", stats: s, variant: 0) == nil)
        #expect(MergedWordsRule.judge("another", "another", stats: s, variant: 0) == nil)
    }

    @Test func wordForms() {
        let known: (String) -> Bool = { ["gather", "viable", "trust", "locate", "story"].contains($0) }
        #expect(WordForms.isDerived("gatherings", known: known))
        #expect(WordForms.isDerived("viability", known: known))
        #expect(WordForms.isDerived("trustier", known: known))
        #expect(WordForms.isDerived("located", known: known))
        #expect(WordForms.isDerived("stories", known: known))
        #expect(!WordForms.isDerived("asiand", known: { $0 == "asian" }))
        #expect(!WordForms.isDerived("gather", known: known))
    }

    @Test func spellingVariants() {
        for (a, b) in [("colour", "color"), ("travelled", "traveled"), ("equalled", "equaled"), ("centres", "centers"),
                       ("organise", "organize"), ("analysed", "analyzed"), ("catalogue", "catalog"), ("defence", "defense"),
                       ("modelling", "modeling"), ("fibre", "fiber"), ("ageing", "aging"), ("judgement", "judgment"),
                       ("catalogued", "cataloged")]
        {
            #expect(IntroducedTypoRule.isSpellingVariant(a, b), "\(a)/\(b)")
        }
        #expect(!IntroducedTypoRule.isSpellingVariant("filtraton", "filtration"))
        #expect(!IntroducedTypoRule.isSpellingVariant("marowby", "marrowby"))
    }

    @Test func realWordsOneSlipAwayAreNotTypos() {
        // Each real word next to a frequent word it is one slip from.
        let pairs = [("ethic", "ethnic"), ("ensue", "ensure"), ("drives", "derives"), ("equalled", "equaled"), ("color", "colour")]
        for (w, c) in pairs {
            let s = stats([w: 1, c: 12])
            let frequent = IntroducedTypoRule.FrequentWords(s)
            #expect(IntroducedTypoRule.likelyIntended(w, original: w, stats: s, frequent: frequent, variant: 1, previous: 1, spelling: { $0 }) == nil, "\(w) -> \(c)")
        }
        // A genuine slip still counts.
        let s = stats(["filtraton": 1, "filtration": 12])
        #expect(IntroducedTypoRule.likelyIntended("filtraton", original: "filtraton", stats: s, frequent: .init(s), variant: 1, previous: 1, spelling: { $0 }) == "filtration")
        // Another form of the word in the set makes it a real word.
        let family = stats(["lokal": 1, "lokals": 2, "local": 12])
        #expect(IntroducedTypoRule.hasFamily("lokal", stats: family))
    }
}

@Suite struct UnseenNameTests {
    func person(_ s: String) -> PersonName? { PersonNameNormalizer.name(s) }

    @Test func sameFounderWrittenDifferently() throws {
        let full = try #require(person("Ingrid van der Linde"))
        for other in ["Dr. Ingrid Van der Linde", "I. van der Linde", "Van der Linde", "van der Linde, Ingrid"] {
            let p = try #require(person(other))
            #expect(p.agrees(with: full) && full.agrees(with: p), "\(other)")
        }
        let tomas = try #require(person("Tomas de la Cruz"))
        #expect(try #require(person("Tomás de la Cruz")).agrees(with: tomas))
        #expect(try #require(person("Watanabe Kenji")).agrees(with: try #require(person("Kenji Watanabe"))))
    }

    @Test func differentPeopleDisagree() throws {
        let full = try #require(person("Ingrid van der Linde"))
        for other in ["Ingrid de la Cruz", "Pieter van der Linde", "I. de Vries", "Lee Dong-hyun"] {
            let p = try #require(person(other))
            #expect(!p.agrees(with: full) && !full.agrees(with: p), "\(other)")
        }
        // An initial alone never names anyone.
        #expect(!(try #require(person("I. V."))).agrees(with: full))
    }
}

@Suite struct UnseenPlaceTests {
    func place(_ s: String) throws -> Place { try #require(PlaceNormalizer.places(in: s).first) }

    @Test func countryAloneAgreesWithACityInIt() throws {
        #expect(try place("the Netherlands").agrees(with: try place("Utrecht, Netherlands")))
        #expect(try place("Utrecht, Netherlands").agrees(with: try place("Netherlands")))
        #expect(try place("Busan").agrees(with: try place("Busan, South Korea")))
        #expect(!(try place("Belgium").agrees(with: try place("Utrecht, Netherlands"))))
        #expect(!(try place("Amsterdam, Netherlands").agrees(with: try place("Utrecht, Netherlands"))))
        // Nothing says which country a bare city is in.
        #expect(!(try place("Netherlands").agrees(with: try place("Utrecht"))))
    }

    @Test func townsNamedLikeSubPlaces() throws {
        #expect(try place("Menlo Park, California, U.S.").settlement == "Menlo Park")
        #expect(try place("Menlo Park, California").agrees(with: try place("Menlo Park, CA")))
        #expect(!(try place("Menlo Park, California").agrees(with: try place("Palo Alto, California"))))
        #expect(try place("Port City Science Park").settlement == "Port City")
        #expect(try place("Science Park, Port City").settlement == "Port City")
        #expect(try place("Stanford Research Park, Palo Alto").settlement == "Palo Alto")
    }

    @Test func diacriticsInPlaceNames() throws {
        #expect(try place("São Paulo, Brazil").agrees(with: try place("Sao Paulo")))
        #expect(try place("Zürich").agrees(with: try place("Zurich, Switzerland")))
    }
}

@Suite struct UnseenReportTests {
    @Test func keyFactListsCompareAsSets() {
        #expect(FieldValues.equivalent("A, B", "A; B"))
        #expect(FieldValues.equivalent("Ingrid van der Linde, Tomas de la Cruz", "Tomas de la Cruz; Ingrid van der Linde"))
        #expect(FieldValues.equivalent("Park Seo-yeon and Kenji Watanabe", "Watanabe Kenji, Park Seo-yeon"))
        #expect(FieldValues.equivalent("Jeju & Fukuoka", "Fukuoka, Jeju"))
        #expect(!FieldValues.equivalent("Jeju, Fukuoka", "Jeju, Fukuoka, Osaka"))
        #expect(!FieldValues.equivalent("Busan, South Korea", "Busan"))
        #expect(!FieldValues.equivalent("Private", "Public"))
    }

    @Test func markdownReportListsOnlyRealFactChanges() throws {
        let r = runCLI(["check", "Tests/Fixtures/hanbit", "--format", "markdown", "--fail-on", "never"])
        #expect(r.status == 0)
        #expect(r.out.contains("**hq_location**: Busan, South Korea → Busan"))
        #expect(!r.out.contains("**founders**:"))
    }
}

@Suite struct UnseenMoneyTests {
    func money(_ s: String) -> [String] {
        QuantityNormalizer.quantities(in: s).filter { $0.kind == .money }.map(\.description)
    }

    @Test func otherCurrencies() {
        #expect(money("It reported revenue of ₩45 billion.") == ["45000000000 KRW"])
        #expect(money("It raised ₹2 crore.") == ["20000000 INR"])
        #expect(money("It raised Rs 15 lakh.") == ["1500000 INR"])
        #expect(money("It raised 300 million Swiss francs.") == ["300000000 CHF"])
        #expect(money("It raised 2 billion Indian rupees.") == ["2000000000 INR"])
        // Another country's pounds are not sterling.
        #expect(money("It raised 40 million Egyptian pounds.").first?.hasSuffix("GBP") == false)
    }
}

@Suite struct UnseenStatusTests {
    @Test func legalFormsAndHistoryAreNotListings() {
        #expect(StatusNormalizer.statuses(inValue: "Public benefit corporation").isEmpty)
        #expect(StatusNormalizer.statuses(inValue: "Public (formerly private)") == [.public])
        #expect(StatusNormalizer.statuses(inValue: "Private (formerly public)") == [.private])
        #expect(StatusNormalizer.statuses(inValue: "Unlisted") == [.private])
        #expect(StatusNormalizer.statuses(inValue: "Public (Euronext: MRWB)") == [.public])
    }
}

@Suite struct UnseenFieldTests {
    @Test func splitLocationFields() {
        #expect(ClaimExtractor.attribute(forKey: "hq_location_city") == .headquarters)
        #expect(ClaimExtractor.attribute(forKey: "hq_location") == .headquarters)
        #expect(ClaimExtractor.attribute(forKey: "Headquarters") == .headquarters)
        // A country or state field completes the city; it is not a second headquarters.
        #expect(ClaimExtractor.attribute(forKey: "hq_location_country") == nil)
        #expect(ClaimExtractor.attribute(forKey: "hq_location_state") == nil)
    }
}

@Suite struct UnseenNegativeMoneyTests {
    @Test func lossesKeepTheirCurrency() {
        let q = QuantityNormalizer.quantities(in: "Net income was US$−50 million in 2020.").first
        #expect(q?.kind == .money)
        #expect(q?.currency?.code == "USD")
        #expect(q?.value == -50_000_000)
        // A range is not a negative amount.
        #expect(QuantityNormalizer.quantities(in: "It cost $5–10 million.").first?.value == 5_000_000)
    }
}

@Suite struct UnseenProseFounderTests {
    func names(_ s: String) -> [String] { PersonNameNormalizer.names(inProse: s).map(\.display) }

    @Test func rolesAndParticles() {
        #expect(names("the physicist Hendrik van Aalst and the engineer Rosa de la Vega.") == ["Hendrik van Aalst", "Rosa de la Vega"])
        #expect(names("the shipping executive Mina Cho and the naval architect Sato Yuki (佐藤).") == ["Mina Cho", "Sato Yuki"])
        // An appositive description is not a name.
        #expect(names("Lin Wei, a professor of the Department of Engineering, and engineer Ana Kova, among others.") == ["Lin Wei", "Ana Kova"])
        #expect(names("the Ministry of Finance.").isEmpty)
    }

    @Test func appositiveFoundingClause() {
        #expect(ClaimExtractor.foundingClause("acme, co-"[...], subjectLength: 4))
        #expect(ClaimExtractor.foundingClause("acme, which was "[...], subjectLength: 4))
        #expect(ClaimExtractor.foundingClause("acme was "[...], subjectLength: 4))
        #expect(!ClaimExtractor.foundingClause("acme, whose rival, beta, was "[...], subjectLength: 4))
        #expect(!ClaimExtractor.foundingClause("acme bought beta, "[...], subjectLength: 4))
    }
}

@Suite struct UnseenSourceTests {
    /// The hanbit set with its news item edited to place the company elsewhere.
    func editedHanbit(_ edit: (String) -> String) throws -> RuleRun {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unseen-hanbit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = packageRoot + "/Tests/Fixtures/hanbit/"
        for name in try FileManager.default.contentsOfDirectory(atPath: src) {
            var text = try String(contentsOfFile: src + name, encoding: .utf8)
            if name == "05_news.md" { text = edit(text) }
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let set = try VariantSet.load(paths: [dir.path])
        return try RuleEngine.run(set, configuration: RuleConfiguration(enableOnly: ["headquarters-conflict"]))
    }

    @Test func placeBasedSubjectInANewsItem() throws {
        let same = try editedHanbit { $0 }
        #expect(same.findings.isEmpty)
        let moved = try editedHanbit { $0.replacingOccurrences(of: "Busan-based Hanbit Ferries", with: "Seoul-based Hanbit Ferries") }
        let f = try #require(moved.findings.first)
        #expect(f.primary?.variant == "05_news")
        #expect(f.values == ["Busan", "Seoul"])
    }
}
