import FlowDashCore
import FlowDashScreen
import FlowDashService

/// The single source of key bindings. `update` dispatches through it; hints and the `?` help
/// list `bindings(for:)`, and `disabledReason` explains keys that do nothing right now.
///
/// Choices worth knowing: refresh is `R` (not F5: many laptop keyboards need Fn for it), flows is
/// `F` (lowercase `f` cycles the status filter on the activity list), and `q` quits only on the
/// activity list; elsewhere it goes back, like Esc. Rerun failed steps is `x` (Airflow's "clear"
/// crosses the failed steps out so they run again): `r` is resubmit, `R` refresh, `c`
/// connections and `f` the status filter, while `x` is free on every screen. `G` on the activity
/// list (and back on the inbox) toggles the failure inbox, so End alone jumps to the bottom
/// there; space picks runs for a bulk resubmit, as file managers pick files, and `L` is the ledger.
public enum KeyMap {
    static let everywhereButActivity: Set<RouteKind> = [
        .runDetail, .connections, .flows, .definitionFailure, .source, .tips, .help,
        .inbox, .inboxGroup, .bulkResubmit, .ledger,
    ]
    /// Where `G` toggles the grouped view instead of jumping to the bottom.
    static let groupedToggleRoutes: Set<RouteKind> = [.activity, .inbox]
    /// Lists where space picks runs for a bulk resubmit.
    static let pickingRoutes: Set<RouteKind> = [.activity, .inbox, .inboxGroup]

    /// Every binding, in the order help lists them.
    public static let bindings: [KeyBinding] = [
        KeyBinding(.moveDown, keys: [.character("j"), .down], label: "j/↓"),
        KeyBinding(.moveUp, keys: [.character("k"), .up], label: "k/↑"),
        KeyBinding(.top, keys: [.character("g"), .home], label: "g/Home"),
        KeyBinding(.bottom, keys: [.character("G"), .end], label: "G/End",
                   routes: Set(RouteKind.allCases).subtracting(groupedToggleRoutes)),
        KeyBinding(.bottom, keys: [.end], label: "End", routes: groupedToggleRoutes),
        KeyBinding(.pageDown, keys: [.pageDown], label: "PgDn"),
        KeyBinding(.pageUp, keys: [.pageUp], label: "PgUp"),
        KeyBinding(.open, keys: [.enter], label: "Enter",
                   routes: [.activity, .runDetail, .tips, .help, .inbox, .inboxGroup, .bulkResubmit, .ledger]),
        KeyBinding(.back, keys: [.escape, .backspace], label: "Esc"),
        KeyBinding(.back, keys: [.character("q")], label: "q", routes: everywhereButActivity),
        KeyBinding(.quit, keys: [.character("q")], label: "q", routes: [.activity]),
        KeyBinding(.quit, keys: [.control("c")], label: "Ctrl-C"),
        KeyBinding(.filter, keys: [.character("/")], label: "/", routes: [.activity]),
        KeyBinding(.cycleStatusFilter, keys: [.character("f")], label: "f", routes: [.activity]),
        KeyBinding(.command, keys: [.character(":")], label: ":"),
        KeyBinding(.help, keys: [.character("?")], label: "?"),
        KeyBinding(.refresh, keys: [.character("R")], label: "R"),
        KeyBinding(.showConnections, keys: [.character("c")], label: "c"),
        KeyBinding(.showFlows, keys: [.character("F")], label: "F"),
        KeyBinding(.showLedger, keys: [.character("L")], label: "L"),
        KeyBinding(.toggleGrouped, keys: [.character("G")], label: "G", routes: groupedToggleRoutes),
        KeyBinding(.toggleSelection, keys: [.character(" ")], label: "Space", routes: pickingRoutes),
        KeyBinding(.verify, keys: [.character("v")], label: "v", routes: [.runDetail, .connections],
                   refusedInReadOnly: true),
        KeyBinding(.edit, keys: [.character("e")], label: "e",
                   routes: [.activity, .runDetail, .flows, .definitionFailure], refusedInReadOnly: true),
        KeyBinding(.resubmit, keys: [.character("r")], label: "r",
                   routes: [.activity, .runDetail, .inbox, .inboxGroup],
                   changesRemoteState: true),
        KeyBinding(.rerunFailed, keys: [.character("x")], label: "x", routes: [.activity, .runDetail],
                   changesRemoteState: true, refusedInReadOnly: true),
        KeyBinding(.toggleTips, keys: [.character("t")], label: "t", routes: [.flows], refusedInReadOnly: true),
        // why: help and the bundle change nothing remote, so read-only mode keeps them.
        KeyBinding(.showHelp, keys: [.character("h")], label: "h", routes: [.activity, .runDetail]),
        KeyBinding(.askForHelp, keys: [.character("a")], label: "a", routes: [.help]),
        KeyBinding(.supportBundle, keys: [.character("b")], label: "b", routes: [.help]),
    ]

    /// The action `key` triggers on `route`, if any.
    public static func action(for key: Key, on route: Route) -> Action? {
        binding(for: key, on: route)?.action
    }

    /// The binding `key` triggers on `route`, if any.
    public static func binding(for key: Key, on route: Route) -> KeyBinding? {
        bindings.first { $0.applies(to: route.kind) && $0.keys.contains(key) }
    }

    /// How help and messages name the first key of `action`, e.g. "r".
    public static func label(of action: Action) -> String {
        bindings.first { $0.action == action }?.label ?? ""
    }

    /// The bindings that work on `route`, in help order.
    public static func bindings(for route: Route) -> [KeyBinding] {
        bindings.filter { $0.applies(to: route.kind) }
    }

    /// Why `action` does nothing in `state` right now, or nil when it works. Read-only mode is
    /// checked first, so a refused action always says so.
    public static func disabledReason(_ action: Action, in state: AppState) -> DisabledReason? {
        let writes = bindings.contains { $0.action == action && $0.refusedInReadOnly }
        if state.readOnly && writes { return .readOnly }
        switch action {
        case .resubmit:
            if ActionTargets.bulkApplies(in: state) { return nil }
            guard let run = ActionTargets.runToResubmit(in: state) else { return .nothingSelected }
            return FlowService.canResubmit(run) ? nil : .runNotFinished
        case .toggleSelection:
            if state.route == .inbox { return state.inbox.groups.selected == nil ? .nothingSelected : nil }
            guard let run = ActionTargets.runToPick(in: state) else { return .nothingSelected }
            guard run.status == .failed else { return .runDidNotFail }
            // why: a resubmit is created after its original, so when the original is on the
            // newest-first list, its resubmit is on it too.
            if let again = state.activity.list.items.first(where: { $0.resubmittedFrom == run.id }) {
                return .alreadyResubmitted(as: again.id)
            }
            return nil
        case .verify:
            if state.route == .connections {
                return state.connections.selected == nil ? .nothingSelected : nil
            }
            return ActionTargets.verifyTarget(in: state) == nil ? .noConnection : nil
        case .edit:
            // why: every activity row has a flow or, for a definition failure without one, a
            // file to point at; counting rows needs no sort, so the hint costs the frame nothing.
            if state.route == .activity {
                let selection = state.activity.list.selection
                return selection >= 0 && selection < visibleItemCount(state) ? nil : .nothingSelected
            }
            if ActionTargets.definitionFailure(in: state) != nil { return nil }
            return ActionTargets.flowToEdit(in: state) == nil ? .nothingSelected : nil
        case .rerunFailed:
            guard state.canRerunFailedSteps else { return .rerunsByResubmitting }
            guard let run = ActionTargets.runToResubmit(in: state) else { return .nothingSelected }
            if !run.status.isFinished { return .runNotFinished }
            return FlowService.canRerunFailedSteps(of: run) ? nil : .runDidNotFail
        case .toggleTips:
            return state.route == .flows && state.flows.selected == nil ? .nothingSelected : nil
        case .showHelp:
            guard let run = ActionTargets.runForHelp(in: state) else { return .nothingSelected }
            // why: on run detail any run may be described through the form; the list wants a failure.
            return state.route == .activity && run.status != .failed ? .runDidNotFail : nil
        case .supportBundle:
            return state.supportFolder == nil ? .noSupportFolder : nil
        default:
            return nil
        }
    }
}
