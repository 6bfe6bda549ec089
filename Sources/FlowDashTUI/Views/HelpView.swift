import FlowDashCore
import FlowDashKnowledge
import FlowDashScreen

/// The Help screen: what the list answers on the subheader, then each solution, best first: its
/// title (the selected one highlighted), why it matched, its symptoms and causes when expanded,
/// and its fix steps with the run's names filled in. The selected entry is scrolled into sight.
enum HelpView {
    static func draw(_ state: AppState, layout: ScreenLayout, theme: Theme, strings: Strings,
                     into buffer: inout ScreenBuffer) {
        guard let help = state.help else { return }
        buffer.write(subject(help, strings: strings), x: layout.subheader.x, y: layout.subheader.y,
                     style: theme[.dim], maxWidth: layout.subheader.width)
        guard !help.solutions.isEmpty else {
            let text = help.loaded
                ? strings[.helpEmpty, ["ask": KeyMap.label(of: .askForHelp), "bundle": KeyMap.label(of: .supportBundle)]]
                : strings[.helpLoading]
            drawNotice(text, style: theme[.dim], in: layout.body, into: &buffer)
            return
        }
        let (blocks, entries) = lines(help, width: layout.body.width, theme: theme, strings: strings)
        let offset = scrollOffset(entry: entries[help.selection], rows: layout.body.height)
        for (row, line) in blocks.lines.dropFirst(offset).prefix(layout.body.height).enumerated() {
            buffer.write(line, x: layout.body.x, y: layout.body.y + row, maxWidth: layout.body.width)
        }
    }

    /// "Solutions for run 12, best first", or for the described problem.
    static func subject(_ help: HelpState, strings: Strings) -> String {
        guard help.request != nil else { return strings[.helpSubjectRun, ["id": TextSanitizer.clean(help.runID.rawValue)]] }
        return strings[.helpSubjectRequest, ["type": strings.kindName(help.kind ?? .other)]]
    }

    /// Every entry's rows, and the rows each entry spans.
    static func lines(_ help: HelpState, width: Int, theme: Theme, strings: Strings) -> (TextBlocks, [Range<Int>]) {
        var blocks = TextBlocks(width: width)
        var entries: [Range<Int>] = []
        for (index, solution) in help.solutions.enumerated() {
            let start = blocks.lines.count
            entryBlocks(solution, rank: index + 1, help: help, selected: index == help.selection,
                        expanded: index == help.expanded, into: &blocks, theme: theme, strings: strings)
            entries.append(start..<blocks.lines.count)
            blocks.gap()
        }
        return (blocks, entries)
    }

    private static func entryBlocks(_ solution: Solution, rank: Int, help: HelpState, selected: Bool, expanded: Bool,
                                    into blocks: inout TextBlocks, theme: Theme, strings: Strings) {
        let entry = solution.entry
        // why: "#1" so the rank does not read as the first of the numbered fix steps under it.
        let title = DisplayWidth.truncate("#\(rank) " + TextSanitizer.clean(entry.title), to: blocks.width)
        let padded = title + String(repeating: " ", count: max(0, blocks.width - DisplayWidth.of(title)))
        blocks.line(Line(padded, style: theme[selected ? .selection : .sectionTitle]))
        blocks.paragraph(why(solution, help: help, strings: strings), style: theme[.dim])
        if expanded {
            blocks.heading(strings[.helpSymptoms], style: theme[.columnHeader])
            blocks.paragraph(TextSanitizer.clean(entry.symptoms), style: theme[.text])
            blocks.heading(strings[.helpCauses], style: theme[.columnHeader])
            blocks.paragraph(TextSanitizer.clean(entry.causes), style: theme[.text])
        }
        for (number, step) in entry.steps.enumerated() {
            // why: the run's names come from the backend; the filled step is cleaned as a whole.
            let filled = TextSanitizer.clean(StepPlaceholders.fill(step, with: help.placeholders))
            blocks.numbered(number + 1, filled, style: theme[.text], numberStyle: theme[.fixKey])
        }
    }

    /// "code 422 · kind other", or "matched words" when neither matched.
    static func why(_ solution: Solution, help: HelpState, strings: Strings) -> String {
        var reasons: [String] = []
        if solution.matchedCode, let code = help.code {
            reasons.append(strings[.helpMatchedCode, ["code": TextSanitizer.clean(code)]])
        }
        if solution.matchedKind, let kind = help.kind { reasons.append(strings[.helpMatchedKind, ["kind": strings.kindName(kind)]]) }
        return reasons.isEmpty ? strings[.helpMatchedWords] : reasons.joined(separator: " · ")
    }

    /// The first row to draw so the selected entry shows: from the top while it fits, else its
    /// end at the bottom, else (taller than the screen) its title at the top.
    static func scrollOffset(entry: Range<Int>, rows: Int) -> Int {
        max(0, min(entry.lowerBound, entry.upperBound - rows))
    }
}

/// "Ask for help": the problem type (←/→), a category and a description, then Enter.
enum HelpFormView {
    static func draw(_ form: HelpForm, theme: Theme, strings: Strings, into buffer: inout ScreenBuffer) {
        let inner = DialogViews.box(title: strings[.askTitle], width: 70, contentRows: 5, theme: theme, into: &buffer)
        guard !inner.isEmpty else { return }
        let labels: [(HelpForm.Field, StringKey)] = [(.problemType, .askProblemType), (.category, .askCategory),
                                                     (.description, .askDescription)]
        let labelWidth = min(inner.width / 2, labels.map { DisplayWidth.of(strings[$0.1]) }.max() ?? 0) + 2
        for (row, (field, key)) in labels.enumerated() where row < inner.height {
            let y = inner.y + row
            let active = form.field == field
            buffer.write(strings[key] + ":", x: inner.x, y: y, style: theme[active ? .keyHint : .dialog],
                         maxWidth: labelWidth)
            let area = Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1)
            switch field {
            case .problemType:
                buffer.write("◂ " + strings.kindName(form.problemType) + " ▸", x: area.x, y: y,
                             style: theme[active ? .field : .dialog], maxWidth: area.width)
            case .category:
                TextField.render(form.category, masked: false, in: area, style: theme[.field], into: &buffer)
            case .description:
                TextField.render(form.description, masked: false, in: area, style: theme[.field], into: &buffer)
            }
        }
        Paragraph.render(strings[.askKeys], style: theme[.dim],
                         in: Rect(x: inner.x, y: inner.y + 4, width: inner.width, height: max(0, inner.height - 4)),
                         into: &buffer)
    }
}
