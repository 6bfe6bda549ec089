/// The lifecycle of a run. Raw values are part of the documented JSON.
public enum RunStatus: String, Sendable, Codable, CaseIterable {
    case queued, running, succeeded, failed, cancelled, interrupted

    /// A finished run will not change any more.
    public var isFinished: Bool {
        switch self {
        case .queued, .running: false
        case .succeeded, .failed, .cancelled, .interrupted: true
        }
    }
}

/// The lifecycle of one step inside a run.
public enum StepStatus: String, Sendable, Codable, CaseIterable {
    case pending, running, succeeded, failed, skipped, interrupted
}
