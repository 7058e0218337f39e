import Testing

@testable import CrossCheckCore

/// Language inference from script, function words and wikitext signals, on small invented texts.
struct LanguageDetectorTests {
    static func guess(_ text: String) -> String? {
        var v = LanguageVotes()
        LanguageDetector.count(text, into: &v)
        return LanguageDetector.decide(v)?.code
    }

    @Test(arguments: [
        ("en", "The mill was built in the valley by a family of weavers, and it has been restored by the town for its visitors."),
        ("de", "Die Mühle wurde im Tal von einer Familie gebaut und ist heute ein Museum, das von der Stadt für die Besucher betrieben wird."),
        ("fr", "Le moulin a été construit dans la vallée par une famille de tisserands et il est aujourd'hui un musée pour les visiteurs."),
        ("es", "El molino fue construido en el valle por una familia de tejedores y es hoy un museo para los visitantes de la ciudad."),
        ("nn", "Kvernhuset vart bygd i dalen av ein familie, og det er no eit museum som kommunen driv. Ho sa at dei ikkje kom frå byen."),
        ("nb", "Kvernhuset ble bygget i dalen av en familie, og det er nå et museum som kommunen driver. Hun sa at de ikke kom fra byen."),
        ("af", "Die meule is in die vallei deur 'n familie gebou en dit is nou 'n museum wat deur die stad vir besoekers bedryf word."),
        ("ru", "Мельница была построена в долине семьёй ткачей и сейчас является музеем."),
        ("th", "โรงสีสร้างขึ้นในหุบเขาโดยครอบครัวช่างทอผ้า"),
        ("zh", "磨坊由一个织工家庭在山谷中建造，现在是一座博物馆。"),
        ("hi", "चक्की घाटी में बुनकरों के एक परिवार ने बनाई थी।"),
    ])
    func languageOfText(_ expected: String, _ text: String) {
        #expect(Self.guess(text) == expected)
    }

    @Test func tooFewWordsDecideNothing() {
        #expect(Self.guess("Harbour Mill") == nil)
        #expect(Self.guess("") == nil)
    }

    @Test func interlanguageLinksRuleOutTheLinkedEdition() {
        // Bokmål-looking function words, but the page links to the Bokmål edition and files its
        // categories under a Nynorsk/Bokmål namespace: it is not the Bokmål edition itself.
        let text = "Kvernhuset er eit museum. Det er i dalen, og det er ope om sommaren for alle som kjem."
        let wiki = "\(text)\n\n[[Kategori:Museum]]\n[[nb:Kvernhuset]]\n[[de:Mühle]]\n[[en:Mill]]\n"
        var v = LanguageVotes()
        LanguageDetector.count(text, into: &v)
        let g = LanguageDetector.decide(v, wikitext: Array(wiki.utf8))
        #expect(g?.code != "nb")
        #expect(g?.code != "en")
    }
}
