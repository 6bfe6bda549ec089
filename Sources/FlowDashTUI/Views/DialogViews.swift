import FlowDashCore
import FlowDashScreen

/// What sits on top of a screen: the resubmit confirmation, the verify dialog (its secret only
/// ever drawn masked), the `?` help, and the `:` and `/` prompts on the bottom row.
enum DialogViews {
    static func draw(_ modal: Modal, state: AppState, layout: ScreenLayout, theme: Theme, strings: Strings,
                     into buffer: inout ScreenBuffer) {
        switch modal {
        case .confirm(let request): drawConfirm(request, state: state, theme: theme, strings: strings, into: &buffer)
        case .verify(let dialog): drawVerify(dialog, theme: theme, strings: strings, into: &buffer)
        case .pickConnection(let picker): drawPicker(picker, theme: theme, strings: strings, into: &buffer)
        case .help: HelpOverlay.draw(state, theme: theme, strings: strings, into: &buffer)
        case .commandLine(let prompt): drawPrompt(":", prompt, in: layout.statusBar, theme: theme, into: &buffer)
        case .filter(let prompt): drawPrompt("/", prompt, in: layout.statusBar, theme: theme, into: &buffer)
        case .askHelp(let form): HelpFormView.draw(form, theme: theme, strings: strings, into: &buffer)
        case .bulkResubmit(let dialog): BulkDialogView.draw(dialog, theme: theme, strings: strings, into: &buffer)
        }
    }

    static let confirmWidth = 64

    /// "Resubmit run 12 of sync-customers with the same inputs?  [y] yes  [n] no", or "Rerun 2
    /// failed steps of run 12 of sync-customers in place?".
    static func drawConfirm(_ request: ConfirmRequest, state: AppState, theme: Theme, strings: Strings,
                            into buffer: inout ScreenBuffer) {
        let (title, question) = confirmText(request.action, state: state, strings: strings)
        let questionRows = Paragraph.wrap(question, width: min(confirmWidth, buffer.width - 2) - 4).count
        let inner = box(title: title, width: confirmWidth,
                        contentRows: min(questionRows, buffer.height / 2) + 2, theme: theme, into: &buffer)
        var blocks = TextBlocks(width: inner.width)
        blocks.paragraph(question, style: theme[.dialog])
        blocks.keepFirst(max(1, inner.height - 2))
        blocks.gap()
        blocks.line(answerLine(strings, theme: theme))
        blocks.draw(in: inner, into: &buffer)
    }

    /// The dialog's title and question for `action`.
    static func confirmText(_ action: PendingAction, state: AppState, strings: Strings) -> (String, String) {
        switch action {
        case .resubmit(let runID):
            let values = ["id": clean(runID.rawValue), "flow": clean(flowName(of: runID, in: state))]
            return (strings[.confirmTitle], strings[.confirmResubmit, values])
        case .rerunFailedSteps(let runID, let count):
            let values = ["id": clean(runID.rawValue), "flow": clean(flowName(of: runID, in: state)),
                          "count": String(count)]
            return (strings[.confirmRerunTitle], strings[count == 1 ? .confirmRerunOne : .confirmRerunMany, values])
        }
    }

    private static func flowName(of runID: RunID, in state: AppState) -> String {
        state.runDetail?.report.flatMap { $0.detail.summary.id == runID ? $0.detail.summary.flow : nil }
            ?? state.activity.list.items.first { $0.id == runID }?.flow ?? "?"
    }

    /// The verify dialog: the connection in the title, a masked field, and where the check is.
    static func drawVerify(_ dialog: VerifyDialog, theme: Theme, strings: Strings, into buffer: inout ScreenBuffer) {
        let title = strings[.verifyTitle, ["connection": clean(dialog.connection)]]
        let inner = box(title: title, width: 60, contentRows: 4, theme: theme, into: &buffer)
        guard !inner.isEmpty else { return }
        let label = strings[.verifySecretLabel] + ": "
        let used = buffer.write(label, x: inner.x, y: inner.y, style: theme[.dialog], maxWidth: inner.width)
        // why: only the mask is drawn; the secret's characters never reach a cell.
        TextField.render(dialog.secret, masked: true,
                         in: Rect(x: inner.x + used, y: inner.y, width: inner.width - used, height: 1),
                         style: theme[.field], into: &buffer)
        let (text, role): (String, StyleRole) = switch dialog.phase {
        case .typing: (strings[.verifyTyping], .dim)
        case .probing: (strings[.verifyProbing], .spinner)
        case .rejected(let reason): (strings[.verifyRejected, ["reason": clean(reason)]], .statusError)
        }
        Paragraph.render(text, style: theme[role], in: Rect(x: inner.x, y: inner.y + 2, width: inner.width,
                                                             height: inner.height - 2), into: &buffer)
    }

    /// The connections a step may have gone through, best first, each with how it was found;
    /// the selected one highlighted.
    static func drawPicker(_ picker: ConnectionPicker, theme: Theme, strings: Strings, into buffer: inout ScreenBuffer) {
        let title = strings[.pickConnectionTitle, ["step": clean(picker.step)]]
        let rows = min(picker.leads.count, max(1, buffer.height - 6))
        let inner = box(title: title, width: 72, contentRows: rows + 2, theme: theme, into: &buffer)
        guard !inner.isEmpty else { return }
        let first = max(0, min(picker.selection - rows + 1, picker.leads.count - rows))
        for (row, index) in (first..<min(first + rows, picker.leads.count)).enumerated() where row < inner.height - 2 {
            let lead = picker.leads[index]
            let how = lead.isListed ? strings.evidence(lead.evidence) : strings[.pickConnectionUnlisted]
            let style = index == picker.selection ? theme[.selection] : theme[.dialog]
            let y = inner.y + row
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            let used = buffer.write(clean(lead.name), x: inner.x, y: y, style: style, maxWidth: inner.width)
            buffer.write("  " + how, x: inner.x + used, y: y, style: index == picker.selection ? style : theme[.dim],
                         maxWidth: inner.width - used)
        }
        buffer.write(strings[.pickConnectionKeys], x: inner.x, y: inner.y + inner.height - 1, style: theme[.keyHint],
                     maxWidth: inner.width)
    }

    /// `:` or `/` and the text typed so far, over the status line.
    static func drawPrompt(_ symbol: String, _ prompt: PromptState, in rect: Rect, theme: Theme,
                           into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, style: theme[.prompt])
        let used = buffer.write(symbol, x: rect.x, y: rect.y, style: theme[.prompt])
        TextField.render(clean(prompt.text), masked: false,
                         in: Rect(x: rect.x + used, y: rect.y, width: rect.width - used, height: 1),
                         style: theme[.prompt], into: &buffer)
    }

    /// "[y] yes   [n] no", in the dialog's language; the keys stay y and n, as the keymap reads them.
    static func answerLine(_ strings: Strings, theme: Theme) -> Line {
        Line([Span("[y]", style: theme[.keyHint]), Span(" " + strings[.confirmYes] + "   ", style: theme[.dialog]),
              Span("[n]", style: theme[.keyHint]), Span(" " + strings[.confirmNo], style: theme[.dialog])])
    }

    /// Clears and frames a centred box of at most `width` columns around `contentRows` rows;
    /// returns the area inside, one column of padding on each side.
    static func box(title: String, width: Int, contentRows: Int, theme: Theme,
                    into buffer: inout ScreenBuffer) -> Rect {
        let rect = buffer.area.centered(width: min(width, buffer.width - 2), height: contentRows + 2)
        buffer.fill(rect, style: theme[.dialog])
        let inside = Frame.draw(rect, title: title, style: theme[.dialogBorder], titleStyle: theme[.title],
                                into: &buffer)
        return Rect(x: inside.x + 1, y: inside.y, width: inside.width - 2, height: inside.height)
    }
}
