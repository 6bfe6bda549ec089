import FlowDashScreen

/// The `?` help: every binding of the screen, generated from the keymap, with what it does in
/// the user's language and, for a key that does nothing right now, why.
enum HelpOverlay {
    static let maximumWidth = 100

    static func draw(_ state: AppState, theme: Theme, strings: Strings, into buffer: inout ScreenBuffer) {
        let rows = lines(state, theme: theme, strings: strings, width: min(maximumWidth, buffer.width - 2) - 4)
        let title = strings[.helpTitle, ["screen": Breadcrumbs.name(of: state.route, strings: strings)]]
        let inner = DialogViews.box(title: title, width: maximumWidth, contentRows: min(rows.count + 2, buffer.height - 4),
                                    theme: theme, into: &buffer)
        guard !inner.isEmpty else { return }
        let room = max(0, inner.height - 2)
        // why: on a short terminal the list is cut; say so rather than hide keys silently.
        let shown = rows.count > room ? Array(rows.prefix(max(0, room - 1))) + [Line("…", style: theme[.dim])] : rows
        for (index, line) in shown.prefix(room).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + index, maxWidth: inner.width)
        }
        buffer.write(strings[.helpClose], x: inner.x, y: inner.maxY - 1, style: theme[.dim], maxWidth: inner.width)
    }

    /// One entry per binding: its keys, what it does, and "(off: reason)" when it does nothing
    /// right now; text that does not fit wraps under itself, past the key column.
    static func lines(_ state: AppState, theme: Theme, strings: Strings, width: Int) -> [Line] {
        // The keys of this screen first (verify, edit, resubmit…), then the ones that work
        // everywhere, so a short terminal cuts the familiar movement keys, not the fixes.
        let all = KeyMap.bindings(for: state.route)
        let bindings = all.filter { $0.routes != nil } + all.filter { $0.routes == nil }
        let keyWidth = min(12, bindings.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let indent = String(repeating: " ", count: keyWidth + 2)
        let textWidth = max(1, width - keyWidth - 2)
        return bindings.flatMap { binding -> [Line] in
            let reason = KeyMap.disabledReason(binding.action, in: state)
            let textStyle = theme[reason == nil ? .dialog : .keyHintDisabled]
            var rows = Paragraph.wrap(strings.help(for: binding.action), width: textWidth).map { Span($0, style: textStyle) }
            if let reason {
                let note = "(" + strings[.helpDisabled, ["reason": strings.reason(reason)]] + ")"
                if let last = rows.last, DisplayWidth.of(last.text + "  " + note) <= textWidth {
                    rows[rows.count - 1] = Span(last.text + "  ", style: textStyle)
                    return lines(rows, key: binding.label, keyWidth: keyWidth, indent: indent,
                                 keyStyle: theme[.keyHintDisabled], note: Span(note, style: theme[.dim]))
                }
                rows += Paragraph.wrap(note, width: textWidth).map { Span($0, style: theme[.dim]) }
            }
            return lines(rows, key: binding.label, keyWidth: keyWidth, indent: indent,
                         keyStyle: theme[reason == nil ? .keyHint : .keyHintDisabled], note: nil)
        }
    }

    /// The key column on the first row, blanks under it on the others; `note` ends the last row.
    private static func lines(_ rows: [Span], key: String, keyWidth: Int, indent: String, keyStyle: Style,
                              note: Span?) -> [Line] {
        rows.enumerated().map { index, row in
            let lead = index == 0 ? Span(DisplayWidth.pad(key, to: keyWidth) + "  ", style: keyStyle) : Span(indent)
            return Line([lead, row] + (index == rows.count - 1 ? [note].compactMap { $0 } : []))
        }
    }
}
