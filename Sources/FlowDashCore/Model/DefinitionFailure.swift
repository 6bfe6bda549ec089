import Foundation

/// A definition file that does not load: a failure of kind configuration that belongs to no run
/// (an Airflow DAG import error, an embedded flow file that does not parse). It has no run to
/// open or resubmit; the fix is to edit the file.
public struct DefinitionFailure: Hashable, Sendable, Codable {
    /// The file as the backend names it.
    public let file: String
    /// The flow the file defines, when the backend knows it (a file that never loaded has none).
    public let flow: String?
    /// When the backend last failed to load it, when it says.
    public let seenAt: Date?
    /// Where it broke and why.
    public let problem: DefinitionProblem

    public init(file: String, flow: String?, seenAt: Date?, problem: DefinitionProblem) {
        self.file = file
        self.flow = flow
        self.seenAt = seenAt
        self.problem = problem
    }

    /// The failure as the activity list words failures.
    public var failure: RunFailure {
        RunFailure(kind: .configuration, code: TransportCode.invalidDefinition, message: problem.message, step: nil)
    }
}
