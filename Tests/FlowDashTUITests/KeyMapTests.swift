import FlowDashCore
import FlowDashScreen
@testable import FlowDashTUI
import Foundation
import Testing

/// The keymap is the single source: every action is bound, no key is ambiguous, and the
/// read-only and confirmation marks are where the product needs them.
struct KeyMapTests {
    static let sampleRoutes: [Route] = [
        .activity, .runDetail(RunID("1")), .connections, .flows, .definitionFailure(file: "dags/a.py"),
        .source(flow: "a"),
    ]

    @Test func everyActionHasABinding() {
        let bound = Set(KeyMap.bindings.map(\.action))
        #expect(bound == Set(Action.allCases))
    }

    @Test func everyBindingIsReachableThroughItsKeys() {
        for binding in KeyMap.bindings {
            for route in Self.sampleRoutes where binding.applies(to: route.kind) {
                for key in binding.keys {
                    #expect(KeyMap.action(for: key, on: route) == binding.action, "\(key) on \(route)")
                }
            }
        }
    }

    @Test func noTwoBindingsShareAKeyOnTheSameRoute() {
        for route in Self.sampleRoutes {
            let keys = KeyMap.bindings(for: route).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key on \(route)")
        }
    }

    @Test func everyBindingHasALabelAndAKey() {
        for binding in KeyMap.bindings {
            #expect(!binding.keys.isEmpty)
            #expect(!binding.label.isEmpty)
        }
    }

    @Test func onlyResubmitAndRerunChangeRemoteStateAndTheyAreConfirmed() {
        let marked = KeyMap.bindings.filter(\.changesRemoteState).map(\.action)
        #expect(marked == [.resubmit, .rerunFailed])
    }

    @Test func readOnlyRefusesTheWritingActionsOnly() {
        let refused = Set(KeyMap.bindings.filter(\.refusedInReadOnly).map(\.action))
        #expect(refused == [.resubmit, .rerunFailed, .verify, .edit, .toggleTips])
    }

    @Test func qQuitsOnlyOnTheActivityList() {
        #expect(KeyMap.action(for: .character("q"), on: .activity) == .quit)
        #expect(KeyMap.action(for: .character("q"), on: .connections) == .back)
        for route in Self.sampleRoutes {
            #expect(KeyMap.action(for: .control("c"), on: route) == .quit)
        }
    }

    @Test func screenSpecificKeysStayOnTheirScreens() {
        #expect(KeyMap.action(for: .character("v"), on: .activity) == nil)
        #expect(KeyMap.action(for: .character("r"), on: .flows) == nil)
        #expect(KeyMap.action(for: .character("f"), on: .runDetail(RunID("1"))) == nil)
        #expect(KeyMap.bindings(for: .flows).contains { $0.action == .edit })
    }

    @Test func readOnlyGivesTheReasonAndHelpStillListsTheKeys() {
        var state = UpdateFixture.detailState(UpdateFixture.failedReport("7"), readOnly: true)
        for action in [Action.resubmit, .verify, .edit] {
            #expect(KeyMap.disabledReason(action, in: state) == .readOnly)
            #expect(KeyMap.bindings(for: state.route).contains { $0.action == action })
        }
        #expect(KeyMap.disabledReason(.moveDown, in: state) == nil)
        state.readOnly = false
        #expect(KeyMap.disabledReason(.resubmit, in: state) == nil)
    }

    @Test func reasonsBeyondReadOnly() {
        var state = UpdateFixture.state([UpdateFixture.run("1", status: .queued)])
        #expect(KeyMap.disabledReason(.resubmit, in: state) == .runNotFinished)
        state = UpdateFixture.state([])
        #expect(KeyMap.disabledReason(.resubmit, in: state) == .nothingSelected)
        state.stack = [.activity, .connections]
        #expect(KeyMap.disabledReason(.verify, in: state) == .nothingSelected)
        state.stack = [.activity, .flows]
        #expect(KeyMap.disabledReason(.edit, in: state) == .nothingSelected)
    }
}
