import FlowDashCore

/// What Airflow needs of the core's `JSONValue` beyond reading and printing it.
extension JSONValue {
    /// Whether the value is a number, a boolean, a list or an object: a type text cannot carry.
    var isTyped: Bool {
        switch self {
        case .integer, .number, .bool, .array, .object: true
        case .string, .null: false
        }
    }
}
