import FlowDashCore
import FlowDashScreen
@testable import FlowDashTUI
import Foundation
import Testing

/// Definition files that do not load: listed first among what needs attention, kept across
/// refreshes, filtered as failures of kind configuration, opened with Enter, edited with `e`.
struct UpdateTestsDefinitionFailures {
    typealias F = UpdateFixture

    static func broken(_ file: String, flow: String? = "orders", line: Int? = 3,
                       message: String = "SyntaxError: invalid syntax") -> DefinitionFailure {
        DefinitionFailure(file: file, flow: flow, seenAt: F.now,
                          problem: DefinitionProblem(file: file, line: line, message: message))
    }

    static func loaded(_ runs: [RunSummary], _ failures: [DefinitionFailure]) -> AppState {
        var state = AppState()
        _ = update(&state, .activityLoaded(.success(runs), definitionFailures: .success(failures)), now: F.now)
        state.status.inFlight = 0
        return state
    }

    static let runs = [F.run("1", minutesAgo: 1), F.failedRun("2", minutesAgo: 5)]

    static func ids(_ state: AppState) -> [ActivityItem.ID] { visibleItems(state).map(\.id) }

    @Test func theyComeFirstThenFailedRunsThenTheRest() {
        let state = Self.loaded(Self.runs, [Self.broken("/dags/a.py"), Self.broken("/dags/b.py", flow: nil)])
        #expect(Self.ids(state) == [.definition(file: "/dags/a.py"), .definition(file: "/dags/b.py"),
                                    .run(RunID("2")), .run(RunID("1"))])
        #expect(visibleRuns(state).map(\.id) == [RunID("2"), RunID("1")])
        #expect(selectedRun(state) == nil)
        #expect(visibleItems(state).allSatisfy { $0.run != nil || $0.needsAttention })
    }

    @Test func theSelectedItemIsTheRowUnderTheCursor() {
        var state = Self.loaded(Self.runs, [Self.broken("/dags/a.py"), Self.broken("/dags/b.py")])
        for (index, item) in visibleItems(state).enumerated() {
            state.activity.list.selection = index
            #expect(selectedItem(state) == item)
        }
        state.activity.list.selection = 4
        #expect(selectedItem(state) == nil)
        state.activity.list.selection = -1
        #expect(selectedItem(state) == nil)
        #expect(visibleItemCount(state) == 4)
        F.press(&state, .character("f"), .character("f"))
        #expect(visibleItemCount(state) == visibleItems(state).count)
        #expect(visibleItemCount(state) == 1)
    }

    @Test func theCursorStaysOnItsRowAcrossRefreshes() {
        var state = Self.loaded(Self.runs, [Self.broken("/dags/a.py")])
        F.press(&state, .character("j"))
        #expect(selectedRun(state)?.id == RunID("2"))
        _ = update(&state, .activityLoaded(.success(Self.runs), definitionFailures: .success(
            [Self.broken("/dags/z.py"), Self.broken("/dags/a.py")])), now: F.now)
        #expect(selectedRun(state)?.id == RunID("2"))
        F.press(&state, .character("k"))
        #expect(selectedItem(state)?.id == .definition(file: "/dags/a.py"))
        _ = update(&state, .activityLoaded(.success(Self.runs + [F.failedRun("3", minutesAgo: 0)]),
                                           definitionFailures: .success([Self.broken("/dags/a.py")])), now: F.now)
        #expect(selectedItem(state)?.id == .definition(file: "/dags/a.py"))
    }

    @Test func failingToListThemKeepsTheRunsAndSaysSoOnce() {
        var state = Self.loaded(Self.runs, [Self.broken("/dags/a.py")])
        let error = ErrorText("cannot reach the backend: import errors")
        let newer = Self.runs + [F.run("5", minutesAgo: 0)]
        _ = update(&state, .activityLoaded(.success(newer), definitionFailures: .failure(error)), now: F.now)
        #expect(state.activity.list.items.count == 3)
        #expect(state.activity.definitionFailures.map(\.file) == ["/dags/a.py"])
        #expect(state.status.message == .definitionFailuresUnavailable(error))
        #expect(state.status.kind == .error)
        state.status.show(.cancelled)
        _ = update(&state, .activityLoaded(.success(newer), definitionFailures: .failure(error)), now: F.now)
        #expect(state.status.message == .cancelled)
        _ = update(&state, .activityLoaded(.success(newer), definitionFailures: .success([])), now: F.now)
        #expect(state.activity.definitionFailures.isEmpty)
        #expect(state.activity.definitionFailuresError == nil)
    }

    @Test func filtersTreatThemAsConfigurationFailures() {
        var state = Self.loaded(Self.runs, [Self.broken("/dags/a.py", message: "ModuleNotFoundError: no module 'x'")])
        F.press(&state, .character("f"))
        #expect(state.activity.statusFilter == .failed)
        #expect(Self.ids(state) == [.definition(file: "/dags/a.py"), .run(RunID("2"))])
        F.press(&state, .character("f"))
        #expect(Self.ids(state) == [.run(RunID("1"))])
        F.press(&state, .character("f"), .character("f"))
        #expect(state.activity.statusFilter == .all)
        for text in ["configuration", "modulenotfound", "a.py", "orders"] {
            var filtered = state
            F.press(&filtered, .character("/"))
            F.type(&filtered, text)
            #expect(Self.ids(filtered).first == .definition(file: "/dags/a.py"), "\(text)")
        }
        F.press(&state, .character("/"))
        F.type(&state, "unauthorized")
        #expect(Self.ids(state) == [.run(RunID("2"))])
    }

    @Test func enterOpensItsScreenWhichRefreshesWithTheList() {
        var state = Self.loaded(Self.runs, [Self.broken("/dags/a.py")])
        #expect(F.press(&state, .enter) == [.loadActivity])
        #expect(state.route == .definitionFailure(file: "/dags/a.py"))
        state.status.inFlight = 0
        #expect(update(&state, .tick, now: F.now.addingTimeInterval(10)) == [.loadActivity])
        #expect(F.press(&state, .character("q")).isEmpty)
        #expect(state.route == .activity)
    }

    @Test func eEditsItsFlowWhenKnown() {
        var state = Self.loaded(Self.runs, [Self.broken("/dags/a.py", flow: "orders")])
        #expect(F.press(&state, .character("e")) == [.editDefinition(flow: "orders")])
        F.press(&state, .enter)
        #expect(F.press(&state, .character("e")) == [.editDefinition(flow: "orders")])
    }

    @Test func eWithoutAFlowSaysWhereToEditTheFile() {
        #expect(Strings(language: "en").message(.editDefinitionElsewhere(location: "/dags/b.py:12"))
            == "Edit /dags/b.py:12 where the engine reads it; FlowDash shows it again once it loads.")
        var state = Self.loaded(Self.runs, [Self.broken("/dags/b.py", flow: nil, line: 12)])
        #expect(KeyMap.disabledReason(.edit, in: state) == nil)
        #expect(F.press(&state, .character("e")).isEmpty)
        #expect(state.status.message == .editDefinitionElsewhere(location: "/dags/b.py:12"))
        F.press(&state, .enter)
        #expect(F.press(&state, .character("e")).isEmpty)
        #expect(state.status.message == .editDefinitionElsewhere(location: "/dags/b.py:12"))
    }

    @Test func eOnARunInTheListEditsItsFlowAndReadOnlyRefusesIt() {
        var state = Self.loaded(Self.runs, [])
        #expect(F.press(&state, .character("e")) == [.editDefinition(flow: "crm-sync")])
        var readOnly = Self.loaded(Self.runs, [Self.broken("/dags/a.py")])
        readOnly.readOnly = true
        #expect(F.press(&readOnly, .character("e")).isEmpty)
        #expect(readOnly.status.message == .actionDisabled(.edit, reason: .readOnly))
    }

    @Test func aValidEditReloadsTheListAtOnce() {
        var state = Self.loaded(Self.runs, [Self.broken("/dags/a.py")])
        F.press(&state, .enter)
        #expect(update(&state, .editFinished(flow: "orders", .success([])), now: F.now) == [.loadActivity])
    }

    @Test func runActionsAreOffOnADefinitionFailure() {
        var state = Self.loaded(Self.runs, [Self.broken("/dags/a.py")])
        state.canRerunFailedSteps = true
        #expect(KeyMap.disabledReason(.resubmit, in: state) == .nothingSelected)
        #expect(KeyMap.disabledReason(.rerunFailed, in: state) == .nothingSelected)
        #expect(F.press(&state, .character("r")).isEmpty)
        #expect(state.modal == nil)
    }
}
