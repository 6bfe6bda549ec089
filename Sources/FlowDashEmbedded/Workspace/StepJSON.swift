import Foundation

/// A step's JSON response as templates walk it, kept exact enough to tell `true` from `1` and `1` from `1.5`.
enum StepJSON: Hashable, Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([StepJSON])
    case object([String: StepJSON])

    /// Why a path could not be walked.
    struct WalkError: Error {
        let reason: String
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([StepJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: StepJSON].self))
        }
    }

    /// Nil when the text is not JSON.
    static func parse(_ text: String) -> StepJSON? {
        try? JSONDecoder().decode(StepJSON.self, from: Data(text.utf8))
    }

    /// Dots walk objects; a whole number walks an array from 0.
    func walking(_ path: [String]) throws(WalkError) -> StepJSON {
        var current = self
        var walked = "json"
        for component in path {
            switch current {
            case .object(let fields):
                guard let next = fields[component] else {
                    throw WalkError(reason: "\(walked) has no field '\(component)'")
                }
                current = next
            case .array(let items):
                guard let index = Int(component), items.indices.contains(index) else {
                    throw WalkError(reason: "\(walked) is a list of \(items.count); '\(component)' is not an index in it")
                }
                current = items[index]
            default:
                throw WalkError(reason: "\(walked) is \(current.compactText), which has no field '\(component)'")
            }
            walked += ".\(component)"
        }
        return current
    }

    /// A string as itself; anything else as its compact JSON text.
    var templateText: String {
        if case .string(let text) = self { return text }
        return compactText
    }

    /// Compact JSON; object keys sorted so the text is the same on every run.
    var compactText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let value): JSONLiteral.number(value)
        case .string(let value): JSONLiteral.quoted(value)
        case .array(let items): "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .object(let fields):
            "{" + fields.sorted { $0.key < $1.key }
                .map { JSONLiteral.quoted($0.key) + ":" + $0.value.compactText }
                .joined(separator: ",") + "}"
        }
    }
}

/// JSON text of single values, shared by templates and YAML bodies.
enum JSONLiteral {
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// Whole doubles print without a fraction (`2`, not `2.0`), as JSON writers do.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
