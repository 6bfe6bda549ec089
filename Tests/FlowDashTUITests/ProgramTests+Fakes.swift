import FlowDashCore
import FlowDashScreen
import FlowDashService
@testable import FlowDashTUI
import Foundation

/// A terminal that replays a script: send these events, or wait until the last frame shows
/// something. It records every frame and every suspension, and asks to terminate after a minute
/// so a broken loop fails the test instead of hanging it (not sooner: the whole suite shares two
/// cores with a live Airflow, and a slow test must not read as a broken loop).
@MainActor
final class ScriptedTerminal: TerminalBackend {
    enum Step {
        case send([InputEvent])
        case waitUntilShown(String)
    }

    let size: (width: Int, height: Int) = (60, 12)
    private(set) var frames: [ScreenBuffer] = []
    private(set) var isSuspended = false
    private(set) var suspensions = 0
    private var script: [Step]
    private let deadline = ContinuousClock.now.advanced(by: .seconds(60))

    init(_ script: [Step]) { self.script = script }

    var timedOut: Bool { ContinuousClock.now >= deadline }
    var terminationRequested: Bool { timedOut }
    nonisolated func wake() {}
    var lastScreen: String { frames.last?.lines.joined(separator: "\n") ?? "" }

    func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

    func nextEvents(timeout: Duration) async -> [InputEvent] {
        while let step = script.first {
            switch step {
            case .send(let events):
                script.removeFirst()
                return events
            case .waitUntilShown(let text):
                guard lastScreen.contains(text) else {
                    try? await Task.sleep(for: .milliseconds(5))
                    return []
                }
                script.removeFirst()
            }
        }
        try? await Task.sleep(for: .milliseconds(5))
        return []
    }

    func suspend(while body: () throws -> Void) rethrows {
        suspensions += 1
        isSuspended = true
        defer { isSuspended = false }
        try body()
    }
}

/// Records the paths the editor was asked to open, and whether the terminal was suspended then.
@MainActor
final class EditorProbe {
    private(set) var openings: [(path: String, suspended: Bool)] = []

    func record(_ path: String, suspended: Bool) { openings.append((path, suspended)) }
}

/// A small in-memory engine for the loop tests: fixed runs and flows, one definition file.
actor ProgramTestBackend: FlowBackend {
    nonisolated let kind = "program-test"
    private let runs: [RunDetail]
    private let flowList: [FlowSummary]
    private let definitionPath: String?
    private let brokenDefinitions: Result<[DefinitionFailure], BackendError>
    private(set) var validations = 0
    private(set) var resubmissions: [RunID] = []

    init(runs: [RunDetail], flows: [String] = [], definitionPath: String? = "/tmp/flows/orders.yaml",
         definitionFailures: Result<[DefinitionFailure], BackendError> = .success([])) {
        self.runs = runs
        brokenDefinitions = definitionFailures
        flowList = flows.map { FlowSummary(name: $0, description: nil, owner: nil, stepCount: 1, inputs: [:]) }
        self.definitionPath = definitionPath
    }

    func activity(_ query: ActivityQuery) async throws -> [RunSummary] {
        Array(runs.map(\.summary).filter { !query.failedOnly || $0.status == .failed }
            .sorted { $0.id > $1.id }.prefix(query.limit))
    }

    func run(_ id: RunID) async throws -> RunDetail {
        guard let detail = runs.first(where: { $0.summary.id == id }) else { throw BackendError.runNotFound(id) }
        return detail
    }

    func flows() async throws -> [FlowSummary] { flowList }
    func connections() async throws -> [ConnectionInfo] { [] }

    func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome { .verified }

    func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID {
        if let resubmittedFrom { resubmissions.append(resubmittedFrom) }
        return RunID("99")
    }

    func definition(of flow: String) async throws -> DefinitionSource {
        DefinitionSource(flow: flow, path: definitionPath, readOnlyText: "steps: []",
                         readOnlyReason: definitionPath == nil ? "served by a remote engine" : nil)
    }

    func validateDefinition(of flow: String) async throws -> [DefinitionProblem] {
        validations += 1
        return []
    }

    func definitionFailures(limit: Int) async throws -> [DefinitionFailure] {
        try Array(brokenDefinitions.get().prefix(limit))
    }
}

/// The same engine, able to rerun failed steps in place as Airflow does; it records each call
/// (run and dry run) in order.
actor RerunningProgramTestBackend: FailedStepsRerunning {
    nonisolated let kind = "program-test-rerunning"
    let base: ProgramTestBackend
    private let failedSteps: Int
    private(set) var rerunCalls: [(run: RunID, dryRun: Bool)] = []

    init(_ base: ProgramTestBackend, failedSteps: Int) {
        self.base = base
        self.failedSteps = failedSteps
    }

    func rerunFailedSteps(of run: RunID, dryRun: Bool) async throws -> Int {
        rerunCalls.append((run, dryRun))
        return failedSteps
    }

    func activity(_ query: ActivityQuery) async throws -> [RunSummary] { try await base.activity(query) }
    func run(_ id: RunID) async throws -> RunDetail { try await base.run(id) }
    func flows() async throws -> [FlowSummary] { try await base.flows() }
    func connections() async throws -> [ConnectionInfo] { try await base.connections() }
    func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome {
        try await base.verifyConnection(name, secret: secret)
    }
    func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID {
        try await base.startRun(flow: flow, inputs: inputs, resubmittedFrom: resubmittedFrom)
    }
    func definition(of flow: String) async throws -> DefinitionSource { try await base.definition(of: flow) }
    func validateDefinition(of flow: String) async throws -> [DefinitionProblem] {
        try await base.validateDefinition(of: flow)
    }
    func definitionFailures(limit: Int) async throws -> [DefinitionFailure] {
        try await base.definitionFailures(limit: limit)
    }
}

/// A plain-text picture of the state, enough to see what the loop delivered.
@MainActor
func programTestRender(_ state: AppState) -> ScreenBuffer {
    // why: wider than the terminal so that long status and dialog descriptions stay whole.
    var buffer = ScreenBuffer(width: max(state.size.width, 300), height: state.size.height)
    var lines = ["route \(state.route)"]
    switch state.route {
    case .activity:
        lines += visibleItems(state).map { item in
            switch item {
            case .run(let run): "run \(run.id) \(run.status.rawValue)"
            case .definition(let failure): "broken \(failure.file)"
            }
        }
    case .runDetail: lines += (state.runDetail?.report?.detail.steps ?? []).map { "step \($0.name)" }
    case .flows: lines += state.flows.items.map { "flow \($0.name)" }
    case .connections: lines += state.connections.items.map { "connection \($0.name)" }
    case .definitionFailure(let file): lines.append("broken \(file)")
    case .source: lines += (state.source?.lines ?? []).map { "source \($0)" }
    case .tips: lines += state.tips.items.map { "tip \($0.flow) \($0.failureCount)" }
    case .help: lines += (state.help?.solutions ?? []).map { "solution \($0.entry.id)" }
    case .inbox: lines += state.inbox.groups.items.map { "group \($0.id) \($0.runCount)" }
    case .inboxGroup: lines += state.inbox.groupRuns.items.map { "run \($0.id) \($0.status.rawValue)" }
    case .bulkResubmit: lines += (state.bulk?.list.items ?? []).map { "bulk \($0.original) \($0.outcome)" }
    case .ledger: lines += state.ledger.items.map { "ledger \($0.original.id) \($0.resubmitted.id)" }
    }
    if let modal = state.modal { lines.append("modal \(modal)") }
    lines.append("status \(state.status.message)")
    for (row, line) in lines.enumerated() { buffer.write(line, x: 0, y: row) }
    return buffer
}
