/// The inputs a run was started with; a resubmit reuses them unchanged.
public struct TriggerInputs: Hashable, Sendable, Codable, ExpressibleByDictionaryLiteral {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public init(dictionaryLiteral elements: (String, String)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public subscript(key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// Keys in a stable order, for display and for deterministic JSON.
    public var sortedPairs: [(key: String, value: String)] {
        values.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// Parses `key=value` arguments; the first `=` splits, so values may contain `=`.
    public static func parse(_ arguments: [String]) throws(InputParseError) -> TriggerInputs {
        var inputs = TriggerInputs()
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw InputParseError(argument: argument)
            }
            inputs[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
        }
        return inputs
    }

    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}

public struct InputParseError: Error, Sendable, CustomStringConvertible {
    public let argument: String
    public var description: String { "input '\(argument)' is not of the form key=value" }
}
