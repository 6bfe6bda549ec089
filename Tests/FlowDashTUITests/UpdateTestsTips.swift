import FlowDashCore
import FlowDashScreen
import Foundation
import Testing
@testable import FlowDashTUI

/// `:tips`, the `t` switch on the flows screen, and the tip a failed run's detail asks for.
struct UpdateTestsTips {
    typealias F = UpdateFixture

    static func tip(_ flow: String, lastRun: String, count: Int = 2, tipsOff: Bool = false) -> RepairTip {
        let diagnosis = Diagnosis(kind: .authentication, flow: flow, step: "push", connection: "crm",
                                  error: StepError(code: "401", message: "Unauthorized"),
                                  fix: Diagnoser.fix(for: .authentication, flow: flow, connection: "crm"))
        return RepairTip(flow: flow, firstFailedAt: F.now.addingTimeInterval(-600), firstFailedRun: RunID("1"),
                         diagnosis: diagnosis, failureCount: count, lastRun: RunID(lastRun), lastInputs: ["c": "1"],
                         tipsOff: tipsOff)
    }

    private static let flows = ["a", "b"].map { FlowSummary(name: $0, description: nil, owner: nil, stepCount: 1, inputs: [:]) }

    private func onFlows(readOnly: Bool = false, tipsOff: Set<String> = []) -> AppState {
        var state = F.state([], readOnly: readOnly)
        F.press(&state, .character("F"))
        _ = update(&state, .flowsLoaded(.success(Self.flows), tipsOff: .success(tipsOff)), now: F.now)
        return state
    }

    @Test func theTipsCommandListsFailingFlowsAndEnterOpensTheLatestFailedRun() {
        var state = F.state([])
        F.press(&state, .character(":"))
        F.type(&state, "tips")
        #expect(F.press(&state, .enter) == [.loadTips])
        #expect(state.route == .tips)
        _ = update(&state, .tipsLoaded(.success([Self.tip("a", lastRun: "9"), Self.tip("b", lastRun: "4")])), now: F.now)
        #expect(state.tips.items.map(\.flow) == ["a", "b"])
        F.press(&state, .character("j"))
        #expect(F.press(&state, .enter) == [.loadReport(RunID("4"))])
        #expect(state.stack == [.activity, .tips, .runDetail(RunID("4"))])
    }

    @Test func tSwitchesTheSelectedFlowAndTheStatusLineSaysWhich() {
        var state = onFlows(tipsOff: ["a"])
        #expect(F.press(&state, .character("t")) == [.setTips(flow: "a", enabled: true)])
        _ = update(&state, .tipsSwitched(flow: "a", enabled: true, .success(true)), now: F.now)
        #expect(state.flowsWithTipsOff.isEmpty)
        #expect(state.status.message == .tipsSwitched(flow: "a", enabled: true))
        F.press(&state, .character("j"))
        #expect(F.press(&state, .character("t")) == [.setTips(flow: "b", enabled: false)])
        _ = update(&state, .tipsSwitched(flow: "b", enabled: false, .success(false)), now: F.now)
        #expect(state.flowsWithTipsOff == ["b"])
        #expect(Strings(language: "en").message(state.status.message).contains("off"))
    }

    @Test func aSwitchThatFailedChangesNothingAndSaysWhy() {
        var state = onFlows()
        F.press(&state, .character("t"))
        _ = update(&state, .tipsSwitched(flow: "a", enabled: false, .failure(ErrorText("disk full"))), now: F.now)
        #expect(state.flowsWithTipsOff.isEmpty)
        #expect(state.status.message == .failed(ErrorText("disk full")))
    }

    @Test func readOnlyModeRefusesTheSwitch() {
        var state = onFlows(readOnly: true)
        #expect(F.press(&state, .character("t")).isEmpty)
        #expect(state.status.message == .actionDisabled(.toggleTips, reason: .readOnly))
    }

    @Test func switchingMarksTheTipOnTheTipsScreenToo() {
        var state = F.state([])
        state.tips.items = [Self.tip("a", lastRun: "9")]
        _ = update(&state, .tipsSwitched(flow: "a", enabled: false, .success(false)), now: F.now)
        #expect(state.tips.items.first?.tipsOff == true)
    }

    @Test func aFailedRunAsksForItsFlowsTipAndKeepsIt() {
        var state = F.state([F.failedRun("7")])
        F.press(&state, .enter)
        let effects = update(&state, .reportLoaded(RunID("7"), .success(F.failedReport("7"))), now: F.now)
        #expect(effects == [.loadFlowTip(flow: "crm-sync", run: RunID("7"))])
        _ = update(&state, .flowTipLoaded(RunID("7"), .success(Self.tip("crm-sync", lastRun: "7"))), now: F.now)
        #expect(state.runDetail?.tip?.failureCount == 2)
        _ = update(&state, .flowTipLoaded(RunID("6"), .success(nil)), now: F.now)
        #expect(state.runDetail?.tip != nil, "an answer for another run is ignored")
    }

    @Test func aRunThatDidNotFailAsksForNoTip() {
        var state = F.state([F.run("7")])
        F.press(&state, .enter)
        #expect(update(&state, .reportLoaded(RunID("7"), .success(F.report("7", status: .succeeded))), now: F.now).isEmpty)
    }

    @Test func theTipsCommandCompletes() {
        #expect(CommandPrompt.complete("ti", themes: []) == "tips")
    }

    @Test func coreFixKeysAreTheKeysTheRunDetailBinds() {
        let actions: [(FixAction, Action)] = [(.verifyConnection("crm"), .verify), (.editDefinition(flow: "f"), .edit),
                                              (.resubmit, .resubmit)]
        for (fix, action) in actions {
            let key = KeyMap.bindings(for: .runDetail(RunID("1"))).first { $0.action == action }?.label
            #expect(fix.interfaceKey == key, "\(fix)")
        }
    }
}
