import Foundation
import Testing
import FlowDashCore
import FlowDashScreen
import FlowDashService
@testable import FlowDashTUI

/// Reads a rendered buffer back the way a person would: find a text, then look at its cells.
struct BufferProbe {
    let buffer: ScreenBuffer

    init(_ buffer: ScreenBuffer) { self.buffer = buffer }

    /// The column and row where `text` starts, counting display columns (a wide character is two).
    func find(_ text: String) -> (x: Int, y: Int)? {
        for y in 0..<buffer.height {
            if let x = find(text, row: y) { return (x, y) }
        }
        return nil
    }

    /// The column where `text` starts on row `y`.
    func find(_ text: String, row y: Int) -> Int? {
        var columns: [Int] = []
        var line = ""
        for x in 0..<buffer.width where !buffer[x, y].isContinuation {
            for _ in buffer[x, y].text { columns.append(x) }
            line += buffer[x, y].text
        }
        guard let range = line.range(of: text) else { return nil }
        return columns[line.distance(from: line.startIndex, to: range.lowerBound)]
    }

    /// The style of the first cell of `text`.
    func style(of text: String) -> Style? {
        find(text).map { buffer[$0.x, $0.y].style }
    }

    /// The text of `width` columns from (`x`, `y`).
    func text(x: Int, y: Int, width: Int) -> String {
        (x..<x + width).map { buffer[$0, y].text }.joined()
    }

    func contains(_ text: String) -> Bool { buffer.lines.contains { $0.contains(text) } }

    /// Every row, trailing blanks cut, joined by one space: wrapped text reads as one line.
    var flowing: String {
        buffer.lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: " ")
    }
}

extension BufferProbe: CustomTestStringConvertible {
    /// Failed expectations print the screen as text, not every cell.
    var testDescription: String { "\n" + buffer.lines.joined(separator: "\n") }
}

/// States a failed flow leaves behind: a 401 on `push-customers` through connection `crm`.
enum ViewFixtures {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    static func run(_ id: String, flow: String = "sync-customers", status: RunStatus, minutesAgo: Double,
                    failure: RunFailure? = nil, inputs: TriggerInputs = [:], resubmittedFrom: String? = nil) -> RunSummary {
        let started = now.addingTimeInterval(-minutesAgo * 60)
        return RunSummary(id: RunID(id), flow: flow, status: status, startedAt: started,
                          finishedAt: status.isFinished ? started.addingTimeInterval(4.2) : nil, inputs: inputs,
                          resubmittedFrom: resubmittedFrom.map(RunID.init), failure: failure)
    }

    static let authFailure = RunFailure(kind: .authentication, code: "401",
                                        message: "Unauthorized: invalid or expired token", step: "push-customers")

    static let runs: [RunSummary] = [
        run("11", status: .succeeded, minutesAgo: 10),
        run("12", status: .failed, minutesAgo: 3, failure: authFailure, inputs: ["region": "eu"], resubmittedFrom: "9"),
        run("13", flow: "bill-customers", status: .running, minutesAgo: 1),
        run("10", flow: "bill-customers", status: .failed, minutesAgo: 20,
            failure: RunFailure(kind: .configuration, code: "404", message: "Not Found: /v1/invoice", step: "post")),
    ]

    static let steps: [StepRun] = [
        StepRun(position: 0, name: "fetch-orders", status: .succeeded, connection: "shop",
                startedAt: now, finishedAt: now.addingTimeInterval(0.8), request: "GET http://shop/v1/orders",
                output: "{\"orders\": 3}"),
        StepRun(position: 1, name: "push-customers", status: .failed, connection: "crm",
                startedAt: now, finishedAt: now.addingTimeInterval(1.2),
                error: StepError(httpStatus: 401, message: "Unauthorized: invalid or expired token"),
                request: "POST http://crm/v1/customers", output: "{\"error\": \"invalid_token\"}"),
        StepRun(position: 2, name: "notify", status: .skipped, connection: nil),
    ]

    static func report(steps: [StepRun] = steps, summary: RunSummary? = nil) -> RunReport {
        let summary = summary ?? runs[1]
        let detail = RunDetail(summary: summary, steps: steps)
        let diagnosis = detail.failingStep.flatMap { Diagnoser.diagnose(flow: summary.flow, step: $0) }
        return RunReport(detail: detail, diagnosis: diagnosis)
    }

    /// The activity list with the runs above, loaded.
    static func activity(size: (width: Int, height: Int) = (100, 30), runs: [RunSummary] = runs) -> AppState {
        var state = AppState(size: size)
        state.activity.list.items = runs
        state.activity.list.loaded = true
        return state
    }

    /// Run 12 opened from the activity list, the failing step selected as on entry.
    static func runDetail(size: (width: Int, height: Int) = (100, 30), report: RunReport = report()) -> AppState {
        var state = activity(size: size)
        let id = report.detail.summary.id
        state.stack = [.activity, .runDetail(id)]
        var detail = RunDetailState(runID: id)
        detail.report = report
        detail.selection = report.detail.steps.firstIndex { $0.status == .failed } ?? 0
        state.runDetail = detail
        return state
    }

    static func draw(_ state: AppState, theme: Theme = .defaultDark, language: String = "en") -> BufferProbe {
        BufferProbe(render(state, theme: theme, strings: Strings(language: language), now: now))
    }
}
