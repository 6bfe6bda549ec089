import Foundation
import Yams

/// Reads a workspace YAML file into a node tree, turning every failure into a located problem.
enum YAMLFile {
    /// Larger files are refused unread: a definition is never this big, and parsing must stay quick.
    static let maximumSize = 1 << 20

    /// What a file held.
    enum Document {
        /// Only blanks and comments.
        case empty
        case root(Node)
        /// Unreadable or not YAML; the problems say why.
        case invalid
    }

    static func load(_ url: URL, into log: inout ProblemLog) -> Document {
        guard let text = readText(url, into: &log) else { return .invalid }
        return compose(text, into: &log)
    }

    static func readText(_ url: URL, into log: inout ProblemLog) -> String? {
        // why: reading a directory fails, and reading a FIFO would block the loader forever.
        let isRegular = try? url.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey]).isRegularFile
        guard isRegular == true else {
            log.report("not a regular file; it was not loaded", line: nil)
            return nil
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            log.report("cannot read the file: \(error.localizedDescription)", line: nil)
            return nil
        }
        guard data.count <= maximumSize else {
            log.report("the file is larger than \(maximumSize / 1024) KiB; it was not loaded", line: nil)
            return nil
        }
        if let badLine = firstInvalidUTF8Line(in: data) {
            log.report("the file is not valid UTF-8 text", line: badLine)
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func compose(_ text: String, into log: inout ProblemLog) -> Document {
        if let line = aliasKeyLine(in: text) {
            log.report("an alias (*name) cannot be used as a mapping key", line: line)
            return .invalid
        }
        do {
            guard let root = try Yams.compose(yaml: text) else { return .empty }
            return .root(root)
        } catch let error as YamlError {
            report(error, in: text, into: &log)
        } catch {
            log.report("invalid YAML: \(error)", line: nil)
        }
        return .invalid
    }

    /// Yams hashes every mapping key while composing, and an alias key to a nested anchor can
    /// stand for billions of nodes: a ten-line file would hang the loader. Definitions never need
    /// one, so a file that defines an anchor and uses an alias as a key is refused before parsing.
    private static func aliasKeyLine(in text: String) -> Int? {
        guard text.contains("&"), text.contains("*") else { return nil }
        let anchor = #/(^|[\s\[{,:?-])&[^\s\[\]{},]+/#
        // `*a: x`, `? *a`, and `[*a]: x` (an alias inside a flow collection used as a key).
        let aliasKey = #/(^|[\s\[{,?-])\*[^\s\[\]{},]+([^:\n]*[\]}])?\s*:(\s|$)|\?\s+\*/#
        guard text.contains(anchor) else { return nil }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains(aliasKey) {
            return index + 1
        }
        return nil
    }

    private static func firstInvalidUTF8Line(in data: Data) -> Int? {
        var line = 1
        var bytes = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    private static func report(_ error: YamlError, in text: String, into log: inout ProblemLog) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            log.report("invalid YAML: \(describe(problem: problem, context: context))", at: mark)
        case .reader(let problem, let offset, _, _):
            let location = offset.map { position(ofCharacter: $0, in: text) }
            log.report("invalid YAML: \(problem)", line: location?.line, column: location?.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let line = repeatedKeyLine(key, after: context.mark, in: text) ?? context.mark.line
            log.report("key '\(key)' appears more than once in the same mapping", line: line, column: context.mark.column)
        default:
            log.report("invalid YAML: \(error)", line: nil)
        }
    }

    private static func describe(problem: String, context: YamlError.Context?) -> String {
        if context?.text == "expected a single document in the stream" {
            return "a second document starts here ('---'); a file holds one document"
        }
        var message = problem.hasPrefix("but ") ? String(problem.dropFirst(4)) : problem
        if let context { message += " (\(context.text), from line \(context.mark.line))" }
        return message
    }

    private static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// Yams points at the first occurrence of a repeated key; the operator needs the repeat, which
    /// in block style is a later line with the same key at the same column.
    private static func repeatedKeyLine(_ key: String, after first: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let indent = first.column - 1
        for index in first.line..<lines.count {
            let scalars = Substring(lines[index]).unicodeScalars
            guard scalars.count > indent,
                  scalars.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(String.UnicodeScalarView(scalars.dropFirst(indent)))
            guard rest.hasPrefix(key) else { continue }
            if rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return index + 1
            }
        }
        return nil
    }
}
