import FlowDashCore

/// A definition shown read-only because it is not a file on this machine (an Airflow DAG file
/// on the scheduler's host). Text is sanitised once, when it arrives.
public struct SourceViewState: Sendable, Equatable {
    public let flow: String
    /// Why it cannot be edited here, one sanitised line.
    public let reason: String
    /// The source lines, control characters removed and tabs expanded.
    public let lines: [String]
    /// First visible row of the wrapped text; `update` keeps it in range.
    public var offset = 0

    public init(flow: String, reason: String, text: String) {
        self.flow = flow
        self.reason = TextSanitizer.clean(reason)
        lines = TextSanitizer.clean(text, singleLine: false)
            .replacingOccurrences(of: "\t", with: "    ")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
