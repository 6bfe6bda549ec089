import FlowDashCore

/// What the operator is looking for: an optional code and kind, and free words (an error
/// message, or a typed description with its problem type and category).
public struct KnowledgeQuery: Sendable, Hashable {
    public var code: String?
    public var kind: FailureKind?
    public var words: [String]

    public init(code: String? = nil, kind: FailureKind? = nil, text: String = "") {
        self.code = code.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0.lowercased() }
        self.kind = kind
        self.words = Tokenizer.words(text)
    }

    public var isEmpty: Bool { code == nil && kind == nil && words.isEmpty }
}

/// One ranked match; a higher score ranks first.
public struct Solution: Sendable, Hashable {
    public let entry: KnowledgeEntry
    public let score: Double
    public let matchedCode: Bool
    public let matchedKind: Bool

    public init(entry: KnowledgeEntry, score: Double, matchedCode: Bool, matchedKind: Bool) {
        self.entry = entry
        self.score = score
        self.matchedCode = matchedCode
        self.matchedKind = matchedKind
    }
}

/// Splits text into comparable words: lowercased letters and digits, common words dropped,
/// a plural `s` removed so that "tokens" finds "token".
enum Tokenizer {
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in", "is",
        "it", "its", "not", "of", "on", "or", "the", "this", "that", "to", "was", "were", "with", "when",
        "my", "me", "i", "we", "our", "no", "do", "does", "did", "but", "if", "so", "than", "then", "there",
        "you", "your", "they", "their", "them", "it", "say", "said", "get", "got", "all", "any", "some", "one",
        "now", "still", "again", "after", "before", "also", "only", "just", "will", "would", "should", "could",
        "step", "flow", "run", "failed", "fails", "error",
    ]

    static func words(_ text: String) -> [String] {
        var seen: Set<String> = []
        return text.lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .map { stem(String($0)) }
            .filter { $0.count >= 2 && !stopWords.contains($0) && seen.insert($0).inserted }
    }

    static func stem(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") else { return word }
        return String(word.dropLast())
    }
}
