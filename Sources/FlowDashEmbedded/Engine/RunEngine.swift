import FlowDashCore
import Foundation
import Logging

/// A claimed run ready to execute: the definition it follows and the inputs it got.
struct RunPlan: Sendable {
    let id: RunID
    let flow: FlowDefinition
    let inputs: TriggerInputs
    let connections: [String: ConnectionDefinition]
}

/// Executes a run's steps in order, recording each as it finishes. The first failing step
/// fails the run and the rest are skipped.
struct RunEngine: Sendable {
    let store: RunStore
    let transport: HTTPTransport
    let logger: Logger

    /// Runs every step of a run already claimed by this process; throws only when the store fails.
    func execute(_ plan: RunPlan) async throws {
        let states = try store.connectionStates()
        var knownStatus = states.mapValues(\.status)
        let executor = makeExecutor(plan, states: states)
        var context = TemplateContext(inputs: plan.inputs)
        let steps = plan.flow.steps
        guard !steps.isEmpty else {
            try await store.finishRun(plan.id, status: .succeeded)
            return
        }
        for (position, step) in steps.enumerated() {
            let result = await executor.execute(step, context: context)
            if let proven = result.connectionStatus, knownStatus[step.connection] != proven {
                knownStatus[step.connection] = proven
                try await store.setConnectionStatus(
                    proven, for: step.connection, lastError: proven == .unauthorized ? result.record.error?.message : nil)
            }
            if !result.succeeded {
                let error = result.record.error ?? StepError(code: "unknown", message: "the step failed")
                // why: a cancelled task is a stopped run, not a problem with the flow.
                let status: RunStatus = Task.isCancelled ? .interrupted : .failed
                try await store.finishRun(plan.id, status: status, failure: RunFailure(error: error, step: step.name, connection: step.connection),
                                          lastStep: (position, result.record))
                logger.debug("run failed", metadata: ["run": "\(plan.id)", "flow": "\(plan.flow.name)", "step": "\(step.name)", "code": "\(error.code)"])
                return
            }
            if position == steps.count - 1 {
                try await store.finishRun(plan.id, status: .succeeded, lastStep: (position, result.record))
                logger.debug("run succeeded", metadata: ["run": "\(plan.id)", "flow": "\(plan.flow.name)"])
                return
            }
            try await store.completeStep(of: plan.id, at: position, result.record, startingNextAt: Date())
            if let outcome = result.outcome { context.steps[step.name] = outcome }
        }
    }

    /// Secrets come from the store once per run, so a verify during a run applies to the next.
    private func makeExecutor(_ plan: RunPlan, states: [String: ConnectionState]) -> StepExecutor {
        StepExecutor(
            transport: transport, connections: plan.connections, secrets: states.compactMapValues(\.secret),
            redactor: SecretRedactor(states: states, connections: plan.connections))
    }
}
