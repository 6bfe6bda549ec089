import FlowDashCore
import Foundation
import Logging

/// The one door to a backend. The CLI and the interface call only this; it owns the domain rules
/// (what may be resubmitted, what a verify needs) and never renders anything.
public final class FlowService: Sendable {
    let backend: any FlowBackend
    let logger: Logger
    /// Where the per-flow repair-tips switch is kept (FlowService+Tips.swift).
    let tipsSwitch: (any RepairTipsSwitch)?
    /// The version, settings and known secrets every support bundle of this service carries,
    /// whoever asks for it (the CLI or the interface).
    let supportContext: SupportContext

    /// - Parameter tipsSwitch: where the repair-tips switch is kept; nil uses the backend's own
    ///   when it has one (the embedded store).
    public init(backend: any FlowBackend, tipsSwitch: (any RepairTipsSwitch)? = nil,
                supportContext: SupportContext = SupportContext(), logger: Logger = Logger(label: "flowdash.service")) {
        self.backend = backend
        self.logger = logger
        self.tipsSwitch = tipsSwitch ?? backend as? any RepairTipsSwitch
        self.supportContext = supportContext
    }

    public var backendKind: String { backend.kind }

    // MARK: Reading

    /// Runs newest first; `failedOnly` keeps the ones that need attention.
    public func activity(failedOnly: Bool = false, flow: String? = nil, limit: Int = 50) async throws -> [RunSummary] {
        try await backend.activity(ActivityQuery(failedOnly: failedOnly, flow: flow, limit: max(0, limit)))
    }

    /// A run with its steps and, when it failed, the diagnosis and its fix.
    public func report(for id: RunID) async throws -> RunReport {
        let detail = try await backend.run(id)
        let diagnosis = detail.failingStep.flatMap { Diagnoser.diagnose(flow: detail.summary.flow, step: $0) }
        return RunReport(detail: detail, diagnosis: diagnosis)
    }

    public func flows() async throws -> [FlowSummary] { try await backend.flows() }

    public func connections() async throws -> [ConnectionInfo] { try await backend.connections() }

    /// Definition files that do not load now (failures of kind configuration without a run).
    public func definitionFailures(limit: Int = 50) async throws -> [DefinitionFailure] {
        try await backend.definitionFailures(limit: max(0, limit))
    }

    // MARK: Acting

    /// Proves a new secret with a real request; the backend stores it only when it works.
    public func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome {
        guard !secret.isEmpty else { throw ServiceError.emptySecret }
        let outcome = try await backend.verifyConnection(name, secret: secret)
        logger.info("verified connection", metadata: ["connection": "\(name)", "verified": "\(outcome.isVerified)"])
        return outcome
    }

    public func startRun(flow: String, inputs: TriggerInputs = [:]) async throws -> RunID {
        let id = try await backend.startRun(flow: flow, inputs: inputs, resubmittedFrom: nil)
        logger.info("started run", metadata: ["flow": "\(flow)", "run": "\(id)"])
        return id
    }

    /// Whether a run may be resubmitted: any run that has finished; a live one would race itself.
    public static func canResubmit(_ run: RunSummary) -> Bool { run.status.isFinished }

    /// Starts a new run of the same flow with the same trigger inputs, linked to the original.
    public func resubmit(_ id: RunID) async throws -> RunID {
        let original = try await backend.run(id).summary
        guard Self.canResubmit(original) else { throw ServiceError.runStillActive(id) }
        let newID = try await backend.startRun(flow: original.flow, inputs: original.inputs, resubmittedFrom: id)
        logger.info("resubmitted run", metadata: ["from": "\(id)", "run": "\(newID)"])
        return newID
    }

    /// Whether this backend can rerun a run's failed steps in place (else only resubmit).
    public var canRerunFailedSteps: Bool { backend is any FailedStepsRerunning }

    /// Whether `run` has failed steps worth rerunning: it failed and has finished.
    public static func canRerunFailedSteps(of run: RunSummary) -> Bool { run.status == .failed }

    /// Reruns the failed steps of a failed run in place; with `dryRun`, only counts them.
    /// Returns how many steps are (or would be) rerun.
    public func rerunFailedSteps(_ id: RunID, dryRun: Bool) async throws -> Int {
        guard let rerunning = backend as? any FailedStepsRerunning else {
            throw ServiceError.cannotRerunFailedSteps(backend: backend.kind)
        }
        let run = try await backend.run(id).summary
        guard Self.canRerunFailedSteps(of: run) else { throw ServiceError.runDidNotFail(id) }
        let count = try await rerunning.rerunFailedSteps(of: id, dryRun: dryRun)
        if !dryRun { logger.info("reran failed steps", metadata: ["run": "\(id)", "steps": "\(count)"]) }
        return count
    }

    /// Polls until the run has finished.
    public func waitForRun(
        _ id: RunID, timeout: Duration = .seconds(300), pollEvery interval: Duration = .milliseconds(50)
    ) async throws -> RunSummary {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let summary = try await backend.run(id).summary
            if summary.status.isFinished { return summary }
            guard ContinuousClock.now < deadline else { throw ServiceError.waitTimedOut(id) }
            try await Task.sleep(for: interval)
        }
    }

    public func definition(of flow: String) async throws -> DefinitionSource {
        try await backend.definition(of: flow)
    }

    public func validateDefinition(of flow: String) async throws -> [DefinitionProblem] {
        try await backend.validateDefinition(of: flow)
    }
}

/// A run, its steps, and the diagnosis of its failure.
public struct RunReport: Sendable, Hashable {
    public let detail: RunDetail
    public let diagnosis: Diagnosis?

    public init(detail: RunDetail, diagnosis: Diagnosis?) {
        self.detail = detail
        self.diagnosis = diagnosis
    }
}

/// Rules the service enforces before a backend is asked anything.
public enum ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptySecret
    case runStillActive(RunID)
    case waitTimedOut(RunID)
    case cannotRerunFailedSteps(backend: String)
    case runDidNotFail(RunID)

    public var description: String {
        switch self {
        case .emptySecret: "the secret is empty; nothing was sent or stored"
        case .runStillActive(let id): "run \(id) has not finished yet; resubmit it once it has"
        case .waitTimedOut(let id): "run \(id) did not finish in time; it is still going"
        case .cannotRerunFailedSteps(let backend):
            "the \(backend) backend cannot rerun only the failed steps; resubmit the run instead"
        case .runDidNotFail(let id): "run \(id) has no failed steps to rerun (it did not fail)"
        }
    }
}
