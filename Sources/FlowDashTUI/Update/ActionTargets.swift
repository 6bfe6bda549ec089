import FlowDashCore

/// What each action acts on in the current state; `KeyMap.disabledReason` and `update` agree on
/// it by both asking here.
enum ActionTargets {
    /// The run `h` opens help for: the selected run on the activity list, the shown run on run detail.
    static func runForHelp(in state: AppState) -> RunSummary? {
        runToResubmit(in: state)
    }

    /// The run `r` resubmits and `x` reruns: the selected run on the activity list, the shown
    /// run on run detail.
    static func runToResubmit(in state: AppState) -> RunSummary? {
        switch state.route {
        case .activity:
            return selectedRun(state)
        case .runDetail(let id):
            // why: before the report arrives, the activity row already knows the run's status.
            if let summary = state.runDetail?.report?.detail.summary, summary.id == id { return summary }
            return state.activity.list.items.first { $0.id == id }
        case .inboxGroup:
            return state.inbox.groupRuns.selected
        case .connections, .flows, .definitionFailure, .source, .tips, .help, .inbox, .bulkResubmit, .ledger:
            return nil
        }
    }

    /// The run space picks: the selected run of the activity list or of a group's list.
    static func runToPick(in state: AppState) -> RunSummary? {
        switch state.route {
        case .activity: selectedRun(state)
        case .inboxGroup: state.inbox.groupRuns.selected
        default: nil
        }
    }

    /// Whether `r` resubmits many runs: the picked ones, or on the inbox the group under the cursor.
    static func bulkApplies(in state: AppState) -> Bool {
        guard KeyMap.pickingRoutes.contains(state.route.kind) else { return false }
        return !state.picked.isEmpty || (state.route == .inbox && state.inbox.groups.selected != nil)
    }

    /// What `v` verifies: on run detail, the connection of the failing step (else of the selected
    /// one) — or, when a backend could only infer it, the connections to pick from, or none
    /// known; on the connections screen, the selected connection. Nil: nothing to verify.
    static func verifyTarget(in state: AppState) -> VerifyTarget? {
        switch state.route {
        case .runDetail:
            guard let detail = state.runDetail, let report = detail.report else { return nil }
            let steps = report.detail.steps
            let selected = steps.indices.contains(detail.selection) ? steps[detail.selection] : nil
            return [report.detail.failingStep, selected].lazy.compactMap { $0.flatMap(VerifyTarget.init) }.first
        case .connections:
            return state.connections.selected.map { .connection($0.name) }
        case .activity, .flows, .definitionFailure, .source, .tips, .help, .inbox, .inboxGroup, .bulkResubmit, .ledger:
            return nil
        }
    }

    /// The flow `e` edits: the shown run's flow on run detail, the selected flow on flows, the
    /// selected row's flow on the activity list, a definition failure's flow when it is known.
    static func flowToEdit(in state: AppState) -> String? {
        switch state.route {
        case .runDetail(let id):
            if let flow = state.runDetail?.report?.detail.summary.flow { return flow }
            return state.activity.list.items.first { $0.id == id }?.flow
        case .flows:
            return state.flows.selected?.name
        case .activity:
            switch selectedItem(state) {
            case .definition(let failure): return failure.flow
            case .run(let run): return run.flow
            case nil: return nil
            }
        case .definitionFailure:
            return definitionFailure(in: state)?.flow
        case .connections, .source, .tips, .help, .inbox, .inboxGroup, .bulkResubmit, .ledger:
            return nil
        }
    }

    /// The definition failure under the cursor on the activity list, or the one on screen.
    static func definitionFailure(in state: AppState) -> DefinitionFailure? {
        switch state.route {
        case .activity: selectedItem(state)?.definitionFailure
        case .definitionFailure(let file): state.activity.definitionFailures.first { $0.file == file }
        default: nil
        }
    }
}

/// What `v` acts on: Core's rule for one step, with the step's name for the dialogs.
enum VerifyTarget: Equatable {
    case connection(String)
    case choose(step: String, [ConnectionLead])
    case unlisted(String)
    case unknown(step: String)

    init?(_ step: StepRun) {
        switch ConnectionToVerify(step: step) {
        case .connection(let name): self = .connection(name)
        case .choose(let leads): self = .choose(step: step.name, leads)
        case .unlisted(let name): self = .unlisted(name)
        case .unknown: self = .unknown(step: step.name)
        case nil: return nil
        }
    }
}
