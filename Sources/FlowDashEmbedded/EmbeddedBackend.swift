import FlowDashCore
import Foundation
import Logging

/// The engine inside FlowDash: flows from a workspace folder, executed here over HTTP, with
/// history and secrets in the workspace's SQLite store.
public final class EmbeddedBackend: FlowBackend {
    /// Names this backend in messages.
    public let kind = "embedded"
    /// Where the workspace's files are.
    public let layout: WorkspaceLayout
    let store: RunStore
    let transport: HTTPTransport
    private let launcher: RunLauncher
    private let logger: Logger
    private let engine: RunEngine
    private let inProcessRuns = InProcessRuns()
    private let workspaceCache: WorkspaceCache

    /// Opens (or creates) the workspace's store and marks runs whose process died as interrupted.
    public init(workspace root: URL, launcher: RunLauncher = .inProcess, logger: Logger = Logger(label: "flowdash.embedded")) throws {
        layout = WorkspaceLayout(root: root)
        workspaceCache = WorkspaceCache(layout: layout)
        self.launcher = launcher
        self.logger = logger
        let store = try Self.storing { try RunStore(path: WorkspaceLayout(root: root).storeFile) }
        self.store = store
        transport = HTTPTransport()
        engine = RunEngine(store: store, transport: transport, logger: logger)
        let orphans = try Self.storing { try store.markOrphanedRunsInterrupted(isAlive: ProcessLiveness.isAlive) }
        if !orphans.isEmpty {
            logger.notice("marked runs of stopped processes interrupted", metadata: ["runs": "\(orphans.map(\.rawValue))"])
        }
    }

    // MARK: Reading

    /// Runs newest first, from the store.
    public func activity(_ query: ActivityQuery) async throws -> [RunSummary] {
        try Self.storing { try store.recentRuns(query) }
    }

    /// A run with its steps; `BackendError.runNotFound` when the store has none.
    public func run(_ id: RunID) async throws -> RunDetail {
        try Self.storing { try store.runDetail(id) }
    }

    /// The valid flows on disk now, by name.
    public func flows() async throws -> [FlowSummary] {
        await loadWorkspace().flows.values.sorted { $0.name < $1.name }.map { flow in
            FlowSummary(name: flow.name, description: flow.description, owner: flow.owner,
                        stepCount: flow.steps.count, inputs: flow.inputs)
        }
    }

    /// The flow's file, even when it does not parse now: a broken file is what one edits.
    public func definition(of flow: String) async throws -> DefinitionSource {
        guard let file = flowFile(of: flow, in: await loadWorkspace()) else { throw BackendError.flowNotFound(flow) }
        return DefinitionSource(flow: flow, path: file.path)
    }

    /// The flow file's problems as it is on disk now; empty when it is valid.
    public func validateDefinition(of flow: String) async throws -> [DefinitionProblem] {
        let workspace = await loadWorkspace()
        guard flowFile(of: flow, in: workspace) != nil else { throw BackendError.flowNotFound(flow) }
        return workspace.problems(inFlow: flow)
    }

    /// Flow and connection files that do not load now, one entry per file, in file order.
    public func definitionFailures(limit: Int) async throws -> [DefinitionFailure] {
        let workspace = await loadWorkspace()
        var seenFiles: Set<String> = []
        let firstPerFile = workspace.problems.filter { seenFiles.insert($0.file).inserted }
        return firstPerFile.prefix(max(0, limit)).map { problem in
            let url = URL(fileURLWithPath: problem.file)
            let isFlowFile = url.deletingLastPathComponent().standardizedFileURL == layout.flowsDirectory.standardizedFileURL
            return DefinitionFailure(
                file: problem.file, flow: isFlowFile ? url.deletingPathExtension().lastPathComponent : nil,
                seenAt: nil, problem: problem)
        }
    }

    // MARK: Running

    /// Queues a run of a valid flow (declared defaults overlaid by `inputs`) and launches it.
    public func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID {
        let workspace = await loadWorkspace()
        let definition = try runnableFlow(flow, in: workspace)
        var merged = definition.inputs
        for (key, value) in inputs.values { merged[key] = value }
        let planned = definition.steps.map { PlannedStep(name: $0.name, connection: $0.connection) }
        // why: history is shown and exported; a secret typed as an input must not live there.
        // This run still gets the input as given; a resubmit would get the redacted text.
        let redactor = SecretRedactor(states: try Self.storing { try store.connectionStates() }, connections: workspace.connections)
        let storedInputs = TriggerInputs(merged.values.mapValues(redactor.redact))
        let id = try await Self.storing {
            try await store.createRun(flow: flow, inputs: storedInputs, steps: planned, resubmittedFrom: resubmittedFrom)
        }
        switch launcher {
        case .inProcess:
            let plan = RunPlan(id: id, flow: definition, inputs: merged, connections: workspace.connections)
            await inProcessRuns.launch(id) { [self] in await claimAndExecuteLogged(plan) }
        case .detached(let executable, let arguments):
            do {
                try DetachedProcess.spawn(executable: executable, arguments: arguments(id))
            } catch {
                try await failBeforeStart(id, StepError(code: "launch_failed", message: error.description))
                throw error
            }
        }
        return id
    }

    /// The worker's entry: claims a queued run and executes it against the workspace as it is
    /// now. A run that is no longer queued is left alone.
    public func execute(_ id: RunID) async throws {
        let header = try Self.storing { try store.runHeader(id) }
        guard header.status == .queued else {
            logger.notice("run is not queued; nothing to execute", metadata: ["run": "\(id)", "status": "\(header.status)"])
            return
        }
        let workspace = await loadWorkspace()
        guard let definition = workspace.flows[header.flow] else {
            let problem = workspace.problems(inFlow: header.flow).first.map { ": \($0)" } ?? ""
            return try await failBeforeStart(id, StepError(
                code: TransportCode.invalidDefinition,
                message: "flow '\(header.flow)' cannot be loaded any more\(problem)"))
        }
        let planned = try Self.storing { try store.runDetail(id).steps.map(\.name) }
        guard planned == definition.steps.map(\.name) else {
            return try await failBeforeStart(id, StepError(
                code: TransportCode.invalidDefinition,
                message: "the steps of flow '\(header.flow)' changed after the run was queued; start it again"))
        }
        try await claimAndExecute(RunPlan(id: id, flow: definition, inputs: header.inputs, connections: workspace.connections))
    }

    /// Awaits every run this instance started in process, including ones started meanwhile.
    public func waitForQuiescence() async {
        await inProcessRuns.waitUntilIdle()
    }

    /// Deletes all runs and steps (demo refresh); connections and their secrets stay.
    public func resetHistory() throws {
        try Self.storing { try store.deleteAllRuns() }
    }

    // MARK: Helpers

    private func claimAndExecute(_ plan: RunPlan) async throws {
        let claimed = try await Self.storing { try await store.claimRun(plan.id, owner: ProcessLiveness.current) }
        guard claimed else { return }
        try await Self.storing { try await engine.execute(plan) }
    }

    private func claimAndExecuteLogged(_ plan: RunPlan) async {
        do {
            try await claimAndExecute(plan)
        } catch {
            logger.error("run could not be recorded", metadata: ["run": "\(plan.id)", "error": "\(error)"])
        }
    }

    /// Fails a run that cannot begin, putting the error on its first step so the run shows
    /// where it stopped and why.
    private func failBeforeStart(_ id: RunID, _ error: StepError) async throws {
        try await Self.storing {
            // why: a run someone else claimed meanwhile is theirs to finish.
            guard try await store.claimRun(id, owner: ProcessLiveness.current) else { return }
            let firstStep = try store.runDetail(id).steps.first
            try await store.finishRun(
                id, status: .failed, failure: RunFailure(error: error, step: firstStep?.name, connection: firstStep?.connection),
                lastStep: firstStep.map { (position: $0.position, record: StepRecord(status: .failed, error: error)) })
        }
    }

    private func runnableFlow(_ flow: String, in workspace: Workspace) throws -> FlowDefinition {
        if let definition = workspace.flows[flow] { return definition }
        guard flowFile(of: flow, in: workspace) != nil else { throw BackendError.flowNotFound(flow) }
        throw BackendError.invalidDefinition(workspace.problems(inFlow: flow))
    }

    /// The file that defines `flow`, valid or not; nil when there is none (or the name could
    /// point outside the flows folder).
    private func flowFile(of flow: String, in workspace: Workspace) -> URL? {
        guard DefinitionName.isValid(flow) else { return nil }
        if let definition = workspace.flows[flow] { return URL(fileURLWithPath: definition.file) }
        return Workspace.flowExtensions
            .map { layout.flowsDirectory.appendingPathComponent(flow, isDirectory: false).appendingPathExtension($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Definitions as they are on disk now, so edits show at once (parsed again only on change).
    func loadWorkspace() async -> Workspace { await workspaceCache.current() }

    /// Reports store failures as `BackendError.storage`; backend errors pass unchanged.
    static func storing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BackendError {
            throw error
        } catch {
            throw BackendError.storage(String(describing: error))
        }
    }

    static func storing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as BackendError {
            throw error
        } catch {
            throw BackendError.storage(String(describing: error))
        }
    }
}
