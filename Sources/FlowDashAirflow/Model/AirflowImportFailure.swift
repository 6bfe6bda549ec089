import FlowDashCore
import Foundation

/// A DAG file Airflow could not load. It is a failure of kind configuration, but not a run:
/// it has no run id to open or resubmit, so it is listed apart from the activity.
public struct AirflowImportFailure: Hashable, Sendable {
    /// Airflow's id for the error.
    public let id: Int
    /// The file, relative to its bundle (`flowdash_broken.py`).
    public let file: String
    /// The DAG bundle the file belongs to.
    public let bundle: String?
    /// When Airflow last failed to load it.
    public let seenAt: Date?
    /// Where it broke and the exception's last line.
    public let problem: DefinitionProblem

    /// The failure as the activity list words failures: configuration, `invalid_definition`.
    public var failure: RunFailure {
        RunFailure(kind: .configuration, code: TransportCode.invalidDefinition, message: problem.message, step: nil)
    }

    /// Builds one from Airflow's answer.
    init(_ error: ImportErrorDTO) {
        id = error.importErrorID
        file = error.filename
        bundle = error.bundleName
        seenAt = error.timestamp
        problem = ImportErrorMapping.problem(of: error)
    }
}
