import FlowDashCore
import Yams

/// Turns a `body:` written as a YAML mapping or list into the compact JSON text sent on the wire.
enum YAMLBody {
    /// Aliases can repeat one node exponentially often; these bounds keep a tiny file from
    /// expanding into gigabytes.
    static let maximumNodes = 100_000
    static let maximumLength = 1 << 20

    private struct Failure: Error {
        let message: String
        let mark: Mark?

        init(message: String, node: Node) {
            self.message = message
            self.mark = node.mark
        }
    }

    private struct Writer {
        var output = ""
        var nodesLeft = YAMLBody.maximumNodes

        mutating func write(_ node: Node) throws(Failure) {
            nodesLeft -= 1
            guard nodesLeft >= 0, output.utf8.count <= YAMLBody.maximumLength else {
                throw Failure(message: "'body' expands to more than \(YAMLBody.maximumLength / 1024) KiB of JSON", node: node)
            }
            switch node {
            case .mapping(let mapping):
                output += "{"
                for (index, pair) in mapping.enumerated() {
                    guard case .scalar(let key) = pair.key else {
                        throw Failure(message: "'body' keys must be text to become JSON", node: pair.key)
                    }
                    output += (index > 0 ? "," : "") + JSONLiteral.quoted(key.string) + ":"
                    try write(pair.value)
                }
                output += "}"
            case .sequence(let sequence):
                output += "["
                for (index, item) in sequence.enumerated() {
                    if index > 0 { output += "," }
                    try write(item)
                }
                output += "]"
            case .scalar(let scalar):
                output += try scalarJSON(node, text: scalar.string)
            case .alias:
                throw Failure(message: "'body' holds an alias that could not be resolved", node: node)
            }
        }

        private func scalarJSON(_ node: Node, text: String) throws(Failure) -> String {
            switch YAMLValue.tagName(of: node) {
            case .null: return "null"
            case .bool: return node.bool.map { $0 ? "true" : "false" } ?? JSONLiteral.quoted(text)
            case .int:
                guard let value = node.int else {
                    throw Failure(message: "'body' number \(text) is too large for JSON", node: node)
                }
                return String(value)
            case .float:
                guard let value = node.float, value.isFinite else {
                    throw Failure(message: "'body' number \(text) has no JSON form", node: node)
                }
                return JSONLiteral.number(value)
            default: return JSONLiteral.quoted(text)
            }
        }
    }

    /// Nil, with a problem at the offending node, when the value has no JSON form.
    static func json(of node: Node, log: inout ProblemLog) -> String? {
        var writer = Writer()
        do {
            try writer.write(node)
            return writer.output
        } catch {
            log.report(error.message, at: error.mark)
            return nil
        }
    }
}
