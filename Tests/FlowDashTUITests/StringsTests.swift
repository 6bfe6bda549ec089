import FlowDashCore
import Testing
@testable import FlowDashTUI

@Suite("StringsTests")
struct StringsTests {
    /// Keys whose text may equal English: proper nouns and words both languages share.
    static let sameAsEnglish: [String: Set<StringKey>] = [
        "fr": [.appName, .columnDescription, .verifySecretLabel, .columnCode],
        "nl": [.appName, .columnTips, .columnCode, .inboxRunsOne, .inboxRunsMany, .inboxGroupTitle],
    ]

    static func placeholders(_ text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    @Test("French and Dutch cover every key, with the same placeholders as English", arguments: ["fr", "nl"])
    func coverage(language: String) {
        let english = Strings(language: "en"), strings = Strings(language: language)
        var identical: Set<StringKey> = []
        for key in StringKey.allCases {
            let text = strings.template(key)
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(key)")
            #expect(Self.placeholders(text) == Self.placeholders(english.template(key)), "\(language) \(key)")
            if text == english.template(key) { identical.insert(key) }
        }
        #expect(identical.subtracting(Self.sameAsEnglish[language] ?? []).isEmpty, "\(language): \(identical)")
    }

    @Test("placeholders are filled once by name; unknown ones stay")
    func placeholderFilling() {
        let strings = Strings(language: "en")
        #expect(strings[.crumbRun, ["id": "12"]] == "Run 12")
        #expect(strings[.crumbRun] == "Run {id}")
        #expect(strings[.messageResubmitted, ["from": "{to}", "to": "14"]] == "Run {to} resubmitted as run 14.")
        #expect(Strings.fill("a {b", with: ["b": "x"]) == "a {b")
        #expect(Strings.fill("{x}{y}", with: ["x": "1", "y": "2"]) == "12")
    }

    @Test("the language comes from the locale; anything unsupported is English")
    func languageFromLocale() {
        #expect(Strings.language(fromLocale: "fr_FR.UTF-8") == "fr")
        #expect(Strings.language(fromLocale: "nl_BE") == "nl")
        #expect(Strings.language(fromLocale: "nl") == "nl")
        #expect(Strings.language(fromLocale: "C.UTF-8") == "en")
        #expect(Strings.language(fromLocale: "POSIX") == "en")
        #expect(Strings.language(fromLocale: "de_DE.UTF-8") == "en")
        #expect(Strings.language(fromLocale: nil) == "en")
        #expect(Strings.language(fromLocale: "") == "en")
        #expect(Strings(language: "de").language == "en")
        #expect(Strings.language(environment: ["LANG": "nl_NL.UTF-8", "LC_ALL": "fr_CA.UTF-8"]) == "fr")
        #expect(Strings.language(environment: ["LANG": "nl_NL.UTF-8", "LC_ALL": ""]) == "nl")
    }

    @Test("what happened and how to fix, per kind, with the key of each step")
    func diagnosisSentences() throws {
        let error = StepError(httpStatus: 401, message: "Unauthorized\u{1b}[31m")
        let step = StepRun(position: 2, name: "push", status: .failed, connection: "crm", error: error)
        let diagnosis = try #require(Diagnoser.diagnose(flow: "sync", step: step))
        let english = Strings(language: "en")
        #expect(english.whatHappened(diagnosis).hasPrefix("Step 'push' of flow 'sync' failed: Unauthorized."))
        #expect(!english.whatHappened(diagnosis).contains("\u{1b}"))
        #expect(english.howToFix(diagnosis) == [
            "Verify connection 'crm' with a valid secret: press v.",
            "Resubmit the run with the same inputs: press r.",
        ])
        #expect(english.fixStep(.editDefinition(flow: "sync")).hasSuffix("press e."))
        #expect(english.fixStep(.getHelp).contains("press h"))
        #expect(english.fixStep(.resubmit, keys: [.resubmit: "R"]).hasSuffix("press R."))
        #expect(Strings(language: "fr").howToFix(diagnosis)[1] == "Soumettez à nouveau l'exécution avec les mêmes entrées : touche r.")
        #expect(Strings(language: "nl").howToFix(diagnosis)[1] == "Verzend de uitvoering opnieuw met dezelfde invoer: druk op r.")
    }

    @Test("every action has a hint and a help sentence; every reason and kind a name")
    func everyActionDescribed() {
        for language in Strings.supportedLanguages {
            let strings = Strings(language: language)
            for action in Action.allCases {
                #expect(!strings.hint(for: action).isEmpty && !strings.help(for: action).isEmpty)
            }
            for kind in FailureKind.allCases { #expect(!strings.kindName(kind).isEmpty) }
        }
        let french = Strings(language: "fr")
        #expect(french.hint(for: .resubmit) == "soumettre à nouveau")
        #expect(Strings(language: "nl").hint(for: .resubmit) == "opnieuw verzenden")
        #expect(french.message(.actionDisabled(.resubmit, reason: .readOnly))
            == "soumettre à nouveau indisponible : mode lecture seule")
        #expect(french.reason(.runNotFinished) == "l'exécution n'est pas terminée")
    }

    @Test("times read naturally in each language")
    func times() {
        let now = ViewFixtures.now
        #expect(TimeText.relative(now.addingTimeInterval(-180), now: now, strings: Strings(language: "en")) == "3m ago")
        #expect(TimeText.relative(now.addingTimeInterval(-180), now: now, strings: Strings(language: "fr")) == "il y a 3 min")
        #expect(TimeText.relative(now.addingTimeInterval(60), now: now, strings: Strings(language: "nl")) == "zojuist")
        #expect(TimeText.duration(0.25) == "250ms")
        #expect(TimeText.duration(185) == "3m05s")
        #expect(TimeText.duration(7440) == "2h04m")
    }
}
