import FlowDashCore
import FlowDashScreen
import FlowDashService
@testable import FlowDashTUI
import Foundation

/// Small runs, reports and a driver for sending messages to `update`, shared by the update tests.
enum UpdateFixture {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func run(
        _ id: String, flow: String = "crm-sync", status: RunStatus = .succeeded, minutesAgo: Double = 0,
        failure: RunFailure? = nil
    ) -> RunSummary {
        RunSummary(id: RunID(id), flow: flow, status: status, startedAt: now.addingTimeInterval(-minutesAgo * 60),
                   finishedAt: status.isFinished ? now : nil, failure: failure)
    }

    static func failedRun(_ id: String, flow: String = "crm-sync", code: String = "401",
                          message: String = "Unauthorized", minutesAgo: Double = 0) -> RunSummary {
        let error = StepError(code: code, message: message)
        return run(id, flow: flow, status: .failed, minutesAgo: minutesAgo,
                   failure: RunFailure(error: error, step: "push"))
    }

    /// fetch (ok, crm) → push (failed with `code`, crm) → notify (skipped, mail).
    static func failedReport(_ id: String, flow: String = "crm-sync", code: String = "401",
                             connection: String? = "crm") -> RunReport {
        let error = StepError(code: code, message: "Unauthorized")
        let steps = [
            StepRun(position: 0, name: "fetch", status: .succeeded, connection: "crm"),
            StepRun(position: 1, name: "push", status: .failed, connection: connection, error: error),
            StepRun(position: 2, name: "notify", status: .skipped, connection: "mail"),
        ]
        let detail = RunDetail(summary: failedRun(id, flow: flow, code: code), steps: steps)
        let diagnosis = detail.failingStep.flatMap { Diagnoser.diagnose(flow: flow, step: $0) }
        return RunReport(detail: detail, diagnosis: diagnosis)
    }

    static func report(_ id: String, status: RunStatus, steps: [StepStatus] = [.succeeded]) -> RunReport {
        let stepRuns = steps.enumerated().map { StepRun(position: $0, name: "step\($0)", status: $1, connection: nil) }
        return RunReport(detail: RunDetail(summary: run(id, status: status), steps: stepRuns), diagnosis: nil)
    }

    /// The activity list loaded with `runs`, on an 80×24 terminal.
    static func state(_ runs: [RunSummary], readOnly: Bool = false) -> AppState {
        var state = AppState(readOnly: readOnly)
        _ = update(&state, .activityLoaded(.success(runs)), now: now)
        return state
    }

    /// On the detail of run `id` with `report` loaded (and, for a failed run, the answer to the
    /// flow-tip request it makes: none, unless `tip` is given).
    static func detailState(_ report: RunReport, readOnly: Bool = false, tip: RepairTip? = nil) -> AppState {
        var state = state([report.detail.summary], readOnly: readOnly)
        _ = press(&state, .enter)
        let id = report.detail.summary.id
        let effects = update(&state, .reportLoaded(id, .success(report)), now: now)
        if effects.contains(.loadFlowTip(flow: report.detail.summary.flow, run: id)) {
            _ = update(&state, .flowTipLoaded(id, .success(tip)), now: now)
        }
        return state
    }

    /// Sends each key in turn; returns every effect asked for.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { update(&state, .input(.key($0)), now: now) }
    }

    /// Types `text` one character at a time.
    @discardableResult
    static func type(_ state: inout AppState, _ text: String) -> [Effect] {
        text.flatMap { update(&state, .input(.key(.character($0))), now: now) }
    }

    @discardableResult
    static func mouse(_ state: inout AppState, _ kind: MouseEvent.Kind, x: Int = 5, y: Int) -> [Effect] {
        update(&state, .input(.mouse(MouseEvent(kind: kind, x: x, y: y))), now: now)
    }

    static func visibleIDs(_ state: AppState) -> [String] { visibleRuns(state).map(\.id.rawValue) }
}

extension Modal {
    var confirmRequest: ConfirmRequest? {
        if case .confirm(let request) = self { return request }
        return nil
    }

    var verifyDialog: VerifyDialog? {
        if case .verify(let dialog) = self { return dialog }
        return nil
    }

    var promptText: String? {
        switch self {
        case .commandLine(let prompt), .filter(let prompt): prompt.text
        default: nil
        }
    }

    var isHelp: Bool {
        if case .help = self { return true }
        return false
    }
}
