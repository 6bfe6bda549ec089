import FlowDashCore
@testable import FlowDashKnowledge
import Testing

@Suite struct ShippedKnowledgeTests {
    @Test func everyShippedEntryParsesWithUniqueIDs() throws {
        let base = try KnowledgeBase.shipped()
        #expect(base.entries.count >= 20)
        #expect(Set(base.entries.map(\.id)).count == base.entries.count)
        for entry in base.entries {
            #expect(!entry.steps.isEmpty, "\(entry.id) has no fix steps")
            #expect(!entry.symptoms.isEmpty && !entry.causes.isEmpty, "\(entry.id)")
            #expect(!entry.kinds.isEmpty, "\(entry.id)")
        }
    }

    @Test func theCommonHTTPAndConnectionFailuresAreCovered() throws {
        let codes = try KnowledgeBase.shipped().entries.reduce(into: Set<String>()) { $0.formUnion($1.codes) }
        let expected: Set<String> = [
            "400", "401", "403", "404", "405", "409", "413", "415", "422", "429", "500", "502", "503", "504",
            TransportCode.timeout, TransportCode.connectionRefused, TransportCode.hostNotFound, TransportCode.tls,
            TransportCode.missingConnection, TransportCode.invalidDefinition,
        ]
        #expect(expected.subtracting(codes).isEmpty, "not covered: \(expected.subtracting(codes).sorted())")
    }

    @Test func aMissingManagerInADirectoryLookupFindsItsEntryFirst() throws {
        let query = KnowledgeQuery(code: "422", kind: .other, text: "Unprocessable Entity: no manager configured for user u-17")
        #expect(try KnowledgeBase.shipped().rank(query).first?.entry.id == "http-422-missing-manager")
    }

    @Test func anExpiredTokenFindsTheTokenEntryBeforeBasicAuth() throws {
        let query = KnowledgeQuery(code: "401", kind: .authentication, text: "token expired")
        let ids = try KnowledgeBase.shipped().rank(query, limit: 3).map(\.entry.id)
        #expect(ids.first == "http-401-expired-token")
        #expect(ids.contains("http-401-wrong-basic-auth"))
    }

    @Test func entriesOfTheRunsKindComeBeforeOnesThatOnlyShareAWord() throws {
        // "Bad" is in the 400 entry's title; the 502 run is transient, so transient entries come first.
        let query = KnowledgeQuery(code: "502", kind: .transient, text: "Bad Gateway: upstream report service unavailable")
        let ranked = try KnowledgeBase.shipped().rank(query, limit: 4)
        #expect(ranked.first?.entry.id == "http-502-503-504-upstream")
        #expect(ranked.allSatisfy { $0.entry.kinds.contains(.transient) }, "\(ranked.map(\.entry.id))")
    }

    @Test func aTypedDescriptionWithoutCodeFindsByWords() throws {
        let query = KnowledgeQuery(text: "certificate self-signed handshake fails connectivity")
        #expect(try KnowledgeBase.shipped().rank(query).first?.entry.id == "tls-certificate")
    }
}

@Suite struct RankingTests {
    static func entry(_ id: String, kinds: Set<FailureKind> = [.other], codes: Set<String> = [], title: String = "title",
                      keywords: [String] = [], body: String = "body text") -> KnowledgeEntry {
        KnowledgeEntry(id: id, title: title, kinds: kinds, codes: codes, keywords: keywords,
                       symptoms: body, causes: "", steps: ["do it"])
    }

    @Test func codeOutweighsKindWhichOutweighsNothing() throws {
        let base = try KnowledgeBase(entries: [
            Self.entry("kind-only", kinds: [.authentication]),
            Self.entry("code", kinds: [.other], codes: ["401"]),
            Self.entry("unrelated", kinds: [.transient]),
        ])
        let ranked = base.rank(KnowledgeQuery(code: "401", kind: .authentication))
        #expect(ranked.map(\.entry.id) == ["code", "kind-only"])
        #expect(ranked[0].matchedCode && !ranked[0].matchedKind)
    }

    @Test func rareWordsInTheTitleOutweighCommonWordsInTheBody() throws {
        let base = try KnowledgeBase(entries: [
            Self.entry("body-match", body: "manager lookup directory"),
            Self.entry("title-match", title: "Manager missing"),
            Self.entry("common", body: "lookup directory"),
        ])
        let ranked = base.rank(KnowledgeQuery(text: "Manager"))
        #expect(ranked.map(\.entry.id) == ["title-match", "body-match"])
        #expect(ranked[0].score > ranked[1].score)
    }

    @Test func tiesAreOrderedByIDAndLimitApplies() throws {
        let base = try KnowledgeBase(entries: ["c", "a", "b"].map { Self.entry($0, codes: ["500"]) })
        #expect(base.rank(KnowledgeQuery(code: "500")).map(\.entry.id) == ["a", "b", "c"])
        #expect(base.rank(KnowledgeQuery(code: "500"), limit: 2).map(\.entry.id) == ["a", "b"])
        #expect(base.rank(KnowledgeQuery(code: "500"), limit: -1).isEmpty)
    }

    @Test func pluralsAndCaseMatchAndStopWordsDoNot() throws {
        let base = try KnowledgeBase(entries: [Self.entry("tokens", keywords: ["token"]), Self.entry("other")])
        #expect(base.rank(KnowledgeQuery(text: "TOKENS")).map(\.entry.id) == ["tokens"])
        #expect(base.rank(KnowledgeQuery(text: "the step failed with an error")).isEmpty)
    }

    @Test func duplicateIDsAreRefused() {
        #expect(throws: KnowledgeEntryError.self) {
            try KnowledgeBase(entries: [Self.entry("same"), Self.entry("same")])
        }
    }
}
