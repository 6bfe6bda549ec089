import FlowDashCore
import Foundation

/// An in-memory backend that records what the service asked of it. It stands in for an engine
/// only where the service's own rules are under test; engines are tested for real elsewhere.
actor RecordingBackend: FlowBackend {
    nonisolated let kind = "recording"
    private(set) var runs: [RunID: RunDetail] = [:]
    private(set) var started: [(flow: String, inputs: TriggerInputs, from: RunID?)] = []
    private(set) var verifyCalls = 0
    /// When set, a started run is at once finished with this status (else it stays running).
    private let startedRunsEndAs: RunStatus?

    init(runs: [RunDetail], startedRunsEndAs: RunStatus? = nil) {
        self.runs = Dictionary(uniqueKeysWithValues: runs.map { ($0.summary.id, $0) })
        self.startedRunsEndAs = startedRunsEndAs
    }

    func activity(_ query: ActivityQuery) async throws -> [RunSummary] {
        runs.values.map(\.summary)
            .filter { (!query.failedOnly || $0.status == .failed) && (query.flow == nil || $0.flow == query.flow) }
            .sorted { $0.id > $1.id }.prefix(query.limit).map { $0 }
    }

    func run(_ id: RunID) async throws -> RunDetail {
        guard let detail = runs[id] else { throw BackendError.runNotFound(id) }
        return detail
    }

    func flows() async throws -> [FlowSummary] { [] }
    private(set) var connectionList: [ConnectionInfo] = []
    func setConnections(_ list: [ConnectionInfo]) { connectionList = list }
    func connections() async throws -> [ConnectionInfo] { connectionList }

    func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome {
        verifyCalls += 1
        return .verified
    }

    func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID {
        started.append((flow, inputs, resubmittedFrom))
        let id = RunID(String(100 + started.count))
        let summary = RunSummary(id: id, flow: flow, status: startedRunsEndAs ?? .running, startedAt: Date(),
                                 inputs: inputs, resubmittedFrom: resubmittedFrom)
        runs[id] = RunDetail(summary: summary, steps: [])
        return id
    }

    func definition(of flow: String) async throws -> DefinitionSource { DefinitionSource(flow: flow, path: nil) }
    func validateDefinition(of flow: String) async throws -> [DefinitionProblem] { [] }
    func definitionFailures(limit: Int) async throws -> [DefinitionFailure] { [] }
}

/// A recording backend that can also rerun failed steps in place, as Airflow does.
actor RerunningBackend: FailedStepsRerunning {
    nonisolated let kind = "rerunning"
    let recording: RecordingBackend
    private(set) var reruns: [(run: RunID, dryRun: Bool)] = []

    init(runs: [RunDetail]) { recording = RecordingBackend(runs: runs) }

    func rerunFailedSteps(of run: RunID, dryRun: Bool) async throws -> Int {
        reruns.append((run, dryRun))
        return 2
    }

    func activity(_ query: ActivityQuery) async throws -> [RunSummary] { try await recording.activity(query) }
    func run(_ id: RunID) async throws -> RunDetail { try await recording.run(id) }
    func flows() async throws -> [FlowSummary] { [] }
    func connections() async throws -> [ConnectionInfo] { [] }
    func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome { .verified }
    func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID {
        try await recording.startRun(flow: flow, inputs: inputs, resubmittedFrom: resubmittedFrom)
    }
    func definition(of flow: String) async throws -> DefinitionSource { DefinitionSource(flow: flow, path: nil) }
    func validateDefinition(of flow: String) async throws -> [DefinitionProblem] { [] }
    func definitionFailures(limit: Int) async throws -> [DefinitionFailure] { [] }
}

/// A recording backend that answers the inbox over all its runs itself, as the embedded store does.
actor InboxAnsweringBackend: FailureInboxReading {
    nonisolated let kind = "inbox-answering"
    let recording: RecordingBackend

    init(runs: [RunDetail]) { recording = RecordingBackend(runs: runs) }

    private func allRuns() async throws -> [RunSummary] { try await recording.activity(ActivityQuery(limit: .max)) }

    func failureInbox() async throws -> FailureInbox { FailureInbox.make(from: try await allRuns(), isPartial: false) }
    func openFailures(cause: FailureCause?, failedSince: Date?, limit: Int) async throws -> [RunSummary] {
        Array(FailureInbox.openFailures(in: try await allRuns()).filter { run in run.failure.map { cause?.matches($0) ?? true } ?? false }.prefix(limit))
    }
    func ledger(limit: Int) async throws -> [LedgerEntry] { LedgerEntry.make(from: try await allRuns(), limit: limit) }

    func activity(_ query: ActivityQuery) async throws -> [RunSummary] { try await recording.activity(query) }
    func run(_ id: RunID) async throws -> RunDetail { try await recording.run(id) }
    func flows() async throws -> [FlowSummary] { [] }
    func connections() async throws -> [ConnectionInfo] { [] }
    func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome { .verified }
    func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID {
        try await recording.startRun(flow: flow, inputs: inputs, resubmittedFrom: resubmittedFrom)
    }
    func definition(of flow: String) async throws -> DefinitionSource { DefinitionSource(flow: flow, path: nil) }
    func validateDefinition(of flow: String) async throws -> [DefinitionProblem] { [] }
    func definitionFailures(limit: Int) async throws -> [DefinitionFailure] { [] }
}
