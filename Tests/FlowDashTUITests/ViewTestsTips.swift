import FlowDashCore
import FlowDashScreen
import Foundation
import Testing
@testable import FlowDashTUI

/// The `:tips` screen, the flows screen's tips column and the run detail's streak line.
struct ViewTestsTips {
    private static func tip(flow: String = "sync-customers", count: Int = 3, tipsOff: Bool = false) -> RepairTip {
        let report = ViewFixtures.report()
        let diagnosis = Diagnosis(kind: .authentication, flow: flow, step: "push-customers", connection: "crm",
                                  error: StepError(httpStatus: 401, message: "Unauthorized: invalid or expired token"),
                                  fix: Diagnoser.fix(for: .authentication, flow: flow, connection: "crm"))
        return RepairTip(flow: flow, firstFailedAt: report.detail.summary.startedAt.addingTimeInterval(-3600),
                         firstFailedRun: RunID("9"), diagnosis: diagnosis, failureCount: count, lastRun: RunID("12"),
                         lastInputs: ["region": "eu"], tipsOff: tipsOff)
    }

    private func tipsScreen(_ tips: [RepairTip], size: (width: Int, height: Int) = (100, 40)) -> AppState {
        var state = ViewFixtures.activity(size: size)
        state.stack = [.activity, .tips]
        state.tips.items = tips
        state.tips.loaded = true
        return state
    }

    @Test("the tips screen lists failing flows and shows the selected one's four sections")
    func fourSections() {
        let probe = ViewFixtures.draw(tipsScreen([Self.tip(), Self.tip(flow: "bill-customers", count: 1)]))
        #expect(probe.contains("Failing since"))
        #expect(probe.contains("bill-customers"))
        let text = probe.flowing
        #expect(text.contains("When: first failed"))
        #expect(text.contains("run 9"))
        #expect(text.contains("What happened"))
        #expect(text.contains("How to fix"))
        #expect(text.contains("Troubleshooting"))
        #expect(text.contains("Failed 3 times in this streak."))
        #expect(text.contains("Last inputs: region=eu"))
        #expect(text.contains("flowdash resubmit 12"))
    }

    @Test("in French and Dutch too")
    func translated() {
        let state = tipsScreen([Self.tip()])
        #expect(ViewFixtures.draw(state, language: "fr").flowing.contains("A échoué 3 fois dans cette série."))
        #expect(ViewFixtures.draw(state, language: "nl").flowing.contains("3 keer mislukt in deze reeks."))
    }

    @Test("a flow with tips off is still listed, marked off, with a note")
    func tipsOff() {
        let text = ViewFixtures.draw(tipsScreen([Self.tip(tipsOff: true)])).flowing
        #expect(text.contains("Repair tips are off for this flow"))
        #expect(text.contains("sync-customers"))
    }

    @Test("no failing flow says so")
    func empty() {
        #expect(ViewFixtures.draw(tipsScreen([])).contains("No flow is failing."))
    }

    @Test("the flows screen shows each flow's tips switch")
    func flowsColumn() {
        var state = ViewFixtures.activity()
        state.stack = [.activity, .flows]
        state.flows.items = ["quiet", "loud"].map { FlowSummary(name: $0, description: nil, owner: nil, stepCount: 1, inputs: [:]) }
        state.flows.loaded = true
        state.flowsWithTipsOff = ["quiet"]
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("Tips"))
        let quiet = probe.buffer.lines.first { $0.contains("quiet") } ?? ""
        let loud = probe.buffer.lines.first { $0.contains("loud") } ?? ""
        #expect(quiet.contains("off"))
        #expect(loud.contains("on"))
        #expect(!loud.contains("off"))
    }

    @Test("the run detail's repair tips add When and the streak count for a run in the streak")
    func runDetailStreakLine() {
        var state = ViewFixtures.runDetail(size: (100, 40))
        #expect(!ViewFixtures.draw(state).flowing.contains("in this streak"))
        state.runDetail?.tip = Self.tip()
        let text = ViewFixtures.draw(state).flowing
        #expect(text.contains("When: first failed"))
        #expect(text.contains("Failed 3 times in this streak."))
        #expect(text.contains("What happened"), "the diagnosis stays")

        var older = Self.tip()
        older = RepairTip(flow: older.flow, firstFailedAt: ViewFixtures.now, firstFailedRun: RunID("20"),
                          diagnosis: older.diagnosis, failureCount: 1, lastRun: RunID("20"), lastInputs: [:])
        state.runDetail?.tip = older
        #expect(!ViewFixtures.draw(state).flowing.contains("in this streak"), "run 12 failed before this streak began")
    }
}
