import FlowDashCore

/// The answers about repair tips: the `:tips` list, a run's flow tip, the per-flow switch.
enum UpdateTipsResults {
    static func apply(_ msg: Msg, _ state: inout AppState) {
        switch msg {
        case .tipsLoaded(let result):
            guard let tips = UpdateResults.value(of: result, &state) else { return }
            let kept = state.tips.selected?.flow
            state.tips.items = tips
            state.tips.loaded = true
            let index = tips.firstIndex { $0.flow == kept } ?? state.tips.selection
            state.tips.moveCursor(to: index, count: tips.count, rows: ScreenLayout(state).list(for: .tips).height)
        case .flowTipLoaded(let run, let result):
            // why: the tip only adds to the panel; a failure to read it leaves the diagnosis as it is.
            guard state.runDetail?.runID == run, case .success(let tip) = result else { return }
            state.runDetail?.tip = tip
        case .tipsSwitched(let flow, let enabled, let result):
            guard UpdateResults.value(of: result, &state) != nil else { return }
            if enabled { state.flowsWithTipsOff.remove(flow) } else { state.flowsWithTipsOff.insert(flow) }
            if let index = state.tips.items.firstIndex(where: { $0.flow == flow }) {
                state.tips.items[index].tipsOff = !enabled
            }
            state.status.show(.tipsSwitched(flow: flow, enabled: enabled))
        default:
            return
        }
    }

    /// Which flows have tips off; a failure is said once and the flows still show.
    static func tipsOffLoaded(_ result: Result<Set<String>, ErrorText>, _ state: inout AppState) {
        switch result {
        case .success(let flows): state.flowsWithTipsOff = flows
        case .failure(let error): state.status.show(.failed(error))
        }
    }
}
