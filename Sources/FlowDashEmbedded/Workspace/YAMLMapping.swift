import FlowDashCore
import Yams

/// A YAML mapping with text keys, checked against the keys a definition allows.
struct YAMLMapping {
    let node: Node
    /// In file order; keys that are not text were reported and left out.
    let entries: [(key: String, keyNode: Node, value: Node)]

    /// Nil, with a problem, when `node` is not a mapping. With `allowedKeys`, any other key is
    /// reported at its own line and left out.
    init?(_ node: Node, describing what: String, allowedKeys: [String]? = nil, log: inout ProblemLog) {
        guard case .mapping(let mapping) = node else {
            log.report("\(what) must be a mapping of key: value, not \(YAMLValue.kind(of: node))", at: node)
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                log.report("keys in \(what) must be text, not \(YAMLValue.kind(of: keyNode))", at: keyNode)
                continue
            }
            if let allowedKeys, !allowedKeys.contains(scalar.string) {
                let expected = allowedKeys.joined(separator: ", ")
                log.report("unknown key '\(scalar.string)' (expected one of: \(expected))", at: keyNode)
                continue
            }
            entries.append((scalar.string, keyNode, value))
        }
        self.node = node
        self.entries = entries
    }

    subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    /// The value of `key`, or nil with a problem at `owner` (the key naming this mapping), else
    /// at the mapping's first line.
    func required(_ key: String, in what: String, owner: Node? = nil, log: inout ProblemLog) -> Node? {
        if let value = self[key] { return value }
        log.report("\(what) is missing the required key '\(key)'", at: owner ?? node)
        return nil
    }
}

/// Typed reading of YAML scalars; each reader reports a problem at the value's line and returns nil.
enum YAMLValue {
    static func kind(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar, .alias: isNull(node) ? "an empty value" : excerpt(node.scalar?.string ?? "")
        }
    }

    /// A value quoted in a message: short enough to read even when the file holds a huge one.
    static func excerpt(_ text: String) -> String {
        "'\(TextSanitizer.truncate(text, to: 60))'"
    }

    /// The resolved tag: `5` is an int, `"5"` a str, `~` a null.
    static func tagName(of node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.rawValue)
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar = node else { return false }
        return tagName(of: node) == .null
    }

    /// Any non-empty scalar as written: `5` reads as the text "5".
    static func text(_ node: Node, key: String, log: inout ProblemLog) -> String? {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            log.report("'\(key)' must be text, not \(kind(of: node))", at: node)
            return nil
        }
        return scalar.string
    }

    static func number(_ node: Node, key: String, log: inout ProblemLog) -> Double? {
        let tag = tagName(of: node)
        if case .scalar = node, tag == .int || tag == .float,
           let value = node.float ?? node.int.map(Double.init), value.isFinite {
            return value
        }
        log.report("'\(key)' must be a number, not \(kind(of: node))", at: node)
        return nil
    }

    static func integer(_ node: Node, key: String, log: inout ProblemLog) -> Int? {
        if case .scalar = node, tagName(of: node) == .int, let value = node.int { return value }
        log.report("'\(key)' must be a whole number, not \(kind(of: node))", at: node)
        return nil
    }
}
