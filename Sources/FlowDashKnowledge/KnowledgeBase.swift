import FlowDashCore
import Foundation

/// The shipped self-help entries and their ranking. Ranking is pure: an exact code match weighs
/// most, then the kind, then the words the query shares with an entry's title and keywords (3×)
/// and body (1×), each word weighted by how rare it is across entries (inverse document frequency).
public struct KnowledgeBase: Sendable {
    public let entries: [KnowledgeEntry]
    /// Per entry (same order), the words of its title + keywords, and of its body.
    private let headlineWords: [Set<String>]
    private let bodyWords: [Set<String>]
    private let rarity: [String: Double]

    // why: a run's code and kind come from its diagnosis and are reliable; one rare shared word
    // (weight ≤ 3 × ln 25 ≈ 9.7) must not lift an entry of another kind above one of the right kind.
    static let codeWeight = 30.0
    static let kindWeight = 10.0
    static let headlineWeight = 3.0
    static let bodyWeight = 1.0

    public init(entries: [KnowledgeEntry]) throws(KnowledgeEntryError) {
        var ids: Set<String> = []
        for entry in entries where !ids.insert(entry.id).inserted {
            throw KnowledgeEntryError("two entries have the id '\(entry.id)'")
        }
        self.entries = entries
        headlineWords = entries.map { Set(Tokenizer.words(([$0.title] + $0.keywords).joined(separator: " "))) }
        bodyWords = entries.map { Set(Tokenizer.words(([$0.symptoms, $0.causes] + $0.steps).joined(separator: " "))) }
        var documentFrequency: [String: Int] = [:]
        for (headline, body) in zip(headlineWords, bodyWords) {
            for word in headline.union(body) { documentFrequency[word, default: 0] += 1 }
        }
        let count = Double(max(entries.count, 1))
        rarity = documentFrequency.mapValues { log(1 + count / Double($0)) }
    }

    /// The best `limit` entries for `query`, best first; ties in id order so output is stable.
    /// An entry that shares nothing with the query (no code, kind or word) is left out.
    public func rank(_ query: KnowledgeQuery, limit: Int = 5) -> [Solution] {
        let solutions = entries.indices.compactMap { index -> Solution? in
            let entry = entries[index]
            let matchedCode = query.code.map { entry.codes.contains($0) } ?? false
            let matchedKind = query.kind.map { entry.kinds.contains($0) } ?? false
            var score = (matchedCode ? Self.codeWeight : 0) + (matchedKind ? Self.kindWeight : 0)
            var sharedWords = 0
            for word in query.words {
                let weight = rarity[word] ?? 0
                if headlineWords[index].contains(word) {
                    score += Self.headlineWeight * weight
                    sharedWords += 1
                } else if bodyWords[index].contains(word) {
                    score += Self.bodyWeight * weight
                    sharedWords += 1
                }
            }
            guard matchedCode || matchedKind || sharedWords > 0 else { return nil }
            return Solution(entry: entry, score: score, matchedCode: matchedCode, matchedKind: matchedKind)
        }
        return solutions.sorted { $0.score != $1.score ? $0.score > $1.score : $0.entry.id < $1.entry.id }
            .prefix(max(0, limit)).map { $0 }
    }

    public func entry(id: String) -> KnowledgeEntry? { entries.first { $0.id == id } }
}
