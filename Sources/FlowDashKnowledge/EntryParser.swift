import FlowDashCore

/// Reads an entry file: a front matter between `---` lines (`id`, `title`, `kinds`, `codes`,
/// `keywords`; lists separated by commas) and a Markdown body with `## Symptoms`, `## Causes`
/// and `## Fix` sections, the fix as a numbered list. Pure: the caller reads the file.
public enum EntryParser {
    static let requiredSections = ["symptoms", "causes", "fix"]
    static let knownKeys: Set<String> = ["id", "title", "kinds", "codes", "keywords"]

    public static func parse(_ text: String, file: String) throws(KnowledgeEntryError) -> KnowledgeEntry {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingTrailingWhitespace()
        }
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            throw KnowledgeEntryError("\(file):1: an entry starts with a front matter between two '---' lines")
        }
        let fields = try frontMatter(lines[1..<end], file: file)
        let sections = try body(lines[(end + 1)...], firstLine: end + 2, file: file)

        func required(_ key: String) throws(KnowledgeEntryError) -> String {
            guard let value = fields[key], !value.isEmpty else {
                throw KnowledgeEntryError("\(file): the front matter has no '\(key)'")
            }
            return value
        }
        let id = try required("id")
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), id == id.lowercased() else {
            throw KnowledgeEntryError("\(file): id '\(id)' must be lowercase letters, digits and '-'")
        }
        var kinds: Set<FailureKind> = []
        for name in list(try required("kinds")) {
            guard let kind = FailureKind(rawValue: name) else {
                throw KnowledgeEntryError("\(file): unknown kind '\(name)' (expected authentication, configuration, transient, other)")
            }
            kinds.insert(kind)
        }
        let steps = sections["fix", default: []].compactMap(numberedItem)
        guard !steps.isEmpty else {
            throw KnowledgeEntryError("\(file): '## Fix' must hold a numbered list of steps (1. …)")
        }
        return KnowledgeEntry(
            id: id, title: try required("title"), kinds: kinds, codes: Set(list(fields["codes"] ?? "").map { $0.lowercased() }),
            keywords: list(fields["keywords"] ?? "").map { $0.lowercased() },
            symptoms: paragraph(sections["symptoms", default: []]), causes: paragraph(sections["causes", default: []]),
            steps: steps)
    }

    private static func frontMatter(_ lines: ArraySlice<String>, file: String) throws(KnowledgeEntryError) -> [String: String] {
        var fields: [String: String] = [:]
        for (offset, line) in zip(lines.indices, lines) where !line.isEmpty {
            let lineNumber = offset + 1
            guard let colon = line.firstIndex(of: ":") else {
                throw KnowledgeEntryError("\(file):\(lineNumber): expected 'key: value'")
            }
            let key = String(line[..<colon]).trimmed
            guard knownKeys.contains(key) else {
                throw KnowledgeEntryError("\(file):\(lineNumber): unknown key '\(key)' (expected id, title, kinds, codes, keywords)")
            }
            guard fields[key] == nil else { throw KnowledgeEntryError("\(file):\(lineNumber): '\(key)' appears twice") }
            fields[key] = String(line[line.index(after: colon)...]).trimmed
        }
        return fields
    }

    /// The body's `## ` sections by lowercased title; every required one must be there.
    private static func body(_ lines: ArraySlice<String>, firstLine: Int, file: String) throws(KnowledgeEntryError) -> [String: [String]] {
        var sections: [String: [String]] = [:]
        var current: String?
        for (offset, line) in lines.enumerated() {
            if line.hasPrefix("## ") {
                current = String(line.dropFirst(3)).trimmed.lowercased()
                sections[current ?? "", default: []] = []
            } else if let current {
                sections[current, default: []].append(line)
            } else if !line.trimmed.isEmpty {
                throw KnowledgeEntryError("\(file):\(firstLine + offset): text before the first '## ' section")
            }
        }
        for name in requiredSections where sections[name] == nil {
            throw KnowledgeEntryError("\(file): the body has no '## \(name.capitalized)' section")
        }
        return sections
    }

    private static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// `1. Do this` → `Do this`; other lines are not steps.
    private static func numberedItem(_ line: String) -> String? {
        let trimmed = line.trimmed
        guard let dot = trimmed.firstIndex(of: "."), !trimmed[..<dot].isEmpty,
              trimmed[..<dot].allSatisfy(\.isNumber) else { return nil }
        let step = String(trimmed[trimmed.index(after: dot)...]).trimmed
        return step.isEmpty ? nil : step
    }

    private static func paragraph(_ lines: [String]) -> String {
        lines.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension String {
    var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    func trimmingTrailingWhitespace() -> String {
        String(reversed().drop(while: \.isWhitespace).reversed())
    }
}
