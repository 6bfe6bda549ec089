import Foundation
import FlowDashCore
import FlowDashScreen
import Testing
@testable import FlowDashTUI

@Suite("ViewTests: definition failures and rerun")
struct ViewTestsDefinitionFailures {
    static let failure = DefinitionFailure(
        file: "/opt/airflow/dags/broken_orders.py", flow: "orders", seenAt: ViewFixtures.now.addingTimeInterval(-120),
        problem: DefinitionProblem(file: "/opt/airflow/dags/broken_orders.py", line: 7,
                                   message: "Traceback (most recent call last):\n  File x\nSyntaxError: invalid syntax"))

    static func activity(_ failures: [DefinitionFailure] = [failure]) -> AppState {
        var state = ViewFixtures.activity()
        state.activity.definitionFailures = failures
        return state
    }

    @Test("a broken file tops the list, named as a file that does not load, not as a run")
    func row() throws {
        let probe = ViewFixtures.draw(Self.activity())
        let name = try #require(probe.find("broken_orders.py"))
        #expect(name.y == ScreenLayout.headerRows)
        #expect(probe.buffer[0, name.y].text == "!")
        #expect(probe.find("file", row: name.y) != nil)
        #expect(probe.find("configuration · does not load: Traceback", row: name.y) != nil)
        #expect(!probe.buffer.lines[name.y + 1].contains("File x"))
        #expect(!probe.contains("/opt/airflow/dags"))
        #expect(probe.find("Needs attention (3)") != nil)
        let failedRun = try #require(probe.find("authentication · 401"))
        #expect(failedRun.y == name.y + 1)
    }

    @Test("its screen shows file and line, flow, the whole error and the fix with its key")
    func screen() throws {
        var state = Self.activity()
        state.stack = [.activity, .definitionFailure(file: Self.failure.file)]
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("File: /opt/airflow/dags/broken_orders.py:7"))
        #expect(probe.contains("Flow: orders"))
        #expect(probe.contains("Seen: 2m ago"))
        #expect(probe.contains("  File x"))
        #expect(probe.contains("SyntaxError: invalid syntax"))
        #expect(probe.flowing.contains("1. Edit the file; FlowDash shows it again once it loads: press e."))
        #expect(probe.find("Does not load · broken_orders.py")?.y == 0)
    }

    @Test("without a flow the fix says where to edit; once fixed the screen says so")
    func noFlowAndFixed() {
        let orphan = DefinitionFailure(file: "dags/x.py", flow: nil, seenAt: nil,
                                       problem: DefinitionProblem(file: "dags/x.py", line: nil, message: "boom"))
        var state = Self.activity([orphan])
        state.stack = [.activity, .definitionFailure(file: "dags/x.py")]
        let probe = ViewFixtures.draw(state, language: "nl")
        #expect(probe.contains("Stroom: onbekend"))
        #expect(probe.flowing.contains("Bewerk het bestand waar de engine het leest"))
        state.activity.definitionFailures = []
        #expect(ViewFixtures.draw(state).contains("x.py loads now; nothing to fix."))
    }

    @Test("on a short terminal the error is cut and the fix stays")
    func shortTerminal() {
        let long = DefinitionFailure(file: "a.py", flow: "a", seenAt: nil, problem: DefinitionProblem(
            file: "a.py", line: 1, message: (1...30).map { "frame \($0)" }.joined(separator: "\n")))
        var state = Self.activity([long])
        state.size = (60, 14)
        state.stack = [.activity, .definitionFailure(file: "a.py")]
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("How to fix"))
        #expect(!probe.contains("frame 30"))
        #expect(probe.contains("…"))
    }

    @Test("the rerun confirmation shows the count, singular and plural, in each language")
    func rerunConfirmation() {
        var state = ViewFixtures.activity()
        state.modal = .confirm(ConfirmRequest(action: .rerunFailedSteps(RunID("12"), count: 2)))
        #expect(ViewFixtures.draw(state).flowing.contains("Rerun 2 failed steps of run 12 of sync-customers in place?"))
        #expect(ViewFixtures.draw(state).contains("Rerun failed steps"))
        #expect(ViewFixtures.draw(state, language: "fr").flowing.contains("les 2 étapes en échec"))
        state.modal = .confirm(ConfirmRequest(action: .rerunFailedSteps(RunID("12"), count: 1)))
        #expect(ViewFixtures.draw(state).flowing.contains("Rerun the failed step of run 12"))
        #expect(ViewFixtures.draw(state, language: "nl").flowing.contains("De mislukte stap van uitvoering 12"))
    }

    @Test("the hint bar shows x only where the engine reruns in place, dimmed when the run did not fail")
    func rerunHint() throws {
        var state = ViewFixtures.runDetail(size: (160, 30))
        #expect(!ViewFixtures.draw(state).contains("x rerun failed"))
        #expect(ViewFixtures.draw(state).contains("r resubmit"))
        state.canRerunFailedSteps = true
        let lit = try #require(ViewFixtures.draw(state).style(of: "x rerun failed"))
        #expect(lit == Theme.defaultDark[.keyHint])
        state.stack = [.activity, .runDetail(RunID("11"))]
        state.runDetail = RunDetailState(runID: RunID("11"))
        let dimmed = try #require(ViewFixtures.draw(state).style(of: "x rerun failed"))
        #expect(dimmed == Theme.defaultDark[.keyHintDisabled])
    }

    @Test("help lists x with the reason on an engine that reruns by resubmitting")
    func rerunInHelp() {
        var state = ViewFixtures.runDetail(size: (120, 40))
        state.modal = .help
        #expect(ViewFixtures.draw(state).flowing.contains("off: this engine reruns by resubmitting: press r"))
    }
}
