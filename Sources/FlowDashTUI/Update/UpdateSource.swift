import FlowDashCore

/// The read-only source view: opened when a definition is not a file on this machine, scrolled
/// by the movement keys and the wheel. Its rows are the wrapped lines `SourceText` lays out for
/// the body's width, the same ones the view draws.
enum UpdateSource {
    /// Shows `text` read-only with `reason` over it, from the top.
    static func open(flow: String, reason: String, text: String, _ state: inout AppState) -> [Effect] {
        state.source = SourceViewState(flow: flow, reason: reason, text: text)
        return UpdateNavigation.show(.source(flow: flow), &state)
    }

    /// Rows the wrapped source takes at the text area's width.
    static func rowCount(_ state: AppState) -> Int {
        guard let source = state.source else { return 0 }
        return SourceText.rows(source.lines, width: ScreenLayout(state).width).count
    }

    /// Rows of text on screen at once: a page.
    static func pageRows(_ state: AppState) -> Int {
        guard let source = state.source else { return 1 }
        return max(1, SourceText.textArea(ScreenLayout(state), reason: source.reason).height)
    }

    /// Scrolls so that row `index` is the first shown, never past the last page.
    static func scroll(to index: Int, _ state: inout AppState) {
        guard state.source != nil else { return }
        let last = max(0, rowCount(state) - pageRows(state))
        state.source?.offset = min(max(0, index), last)
    }
}
