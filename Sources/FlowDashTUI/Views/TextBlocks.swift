import FlowDashScreen

/// Wrapped, styled text for the panes (run detail, dialogs): headings, paragraphs and numbered
/// steps, turned into rows that fit a width.
struct TextBlocks {
    private(set) var lines: [Line] = []
    let width: Int

    init(width: Int) { self.width = max(0, width) }

    /// A heading on its own row.
    mutating func heading(_ text: String, style: Style) {
        guard width > 0 else { return }
        lines.append(Line(DisplayWidth.truncate(text, to: width), style: style))
    }

    /// A paragraph wrapped to the width; `lead` (e.g. an error code) starts the first row in its
    /// own style.
    mutating func paragraph(_ text: String, style: Style, lead: (text: String, style: Style)? = nil) {
        let whole = lead.map { $0.text + " " + text } ?? text
        for (index, row) in Paragraph.wrap(whole, width: width).enumerated() {
            if index == 0, let lead, row.hasPrefix(lead.text) {
                lines.append(Line([Span(lead.text, style: lead.style), Span(String(row.dropFirst(lead.text.count)), style: style)]))
            } else {
                lines.append(Line(row, style: style))
            }
        }
    }

    /// Text whose spacing matters (a response body): each line kept as is, cut into rows of the
    /// width rather than wrapped at words, so indentation survives.
    mutating func preformatted(_ text: String, style: Style) {
        guard width > 0 else { return }
        for sourceLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var row = ""
            var used = 0
            for character in sourceLine {
                let columns = DisplayWidth.of(character)
                if used + columns > width, !row.isEmpty {
                    lines.append(Line(row, style: style))
                    row = ""
                    used = 0
                }
                row.append(character)
                used += columns
            }
            lines.append(Line(row, style: style))
        }
    }

    /// A numbered step: "1. text", continuation rows indented under the text.
    mutating func numbered(_ number: Int, _ text: String, style: Style, numberStyle: Style) {
        let label = "\(number). "
        let indent = DisplayWidth.of(label)
        for (index, row) in Paragraph.wrap(text, width: width - indent).enumerated() {
            let prefix = index == 0 ? Span(label, style: numberStyle) : Span(String(repeating: " ", count: indent))
            lines.append(Line([prefix, Span(row, style: style)]))
        }
    }

    /// One ready-made row.
    mutating func line(_ line: Line) { lines.append(line) }

    /// The rows of `other` after these.
    mutating func append(_ other: TextBlocks) { lines += other.lines }

    /// Keeps the first `rows` rows, marking a cut with `…` at the end of the last one kept.
    mutating func keepFirst(_ rows: Int) {
        guard lines.count > rows else { return }
        lines = Array(lines.prefix(max(0, rows)))
        if var last = lines.popLast(), var span = last.spans.popLast() {
            span.text = DisplayWidth.truncate(span.text + " …", to: max(1, width - last.width))
            last.spans.append(span)
            lines.append(last)
        }
    }

    /// An empty row between blocks, skipped at the top.
    mutating func gap() {
        if !lines.isEmpty { lines.append(Line("")) }
    }

    /// Draws the rows from the top of `rect`, as many as fit.
    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        for (row, line) in lines.prefix(rect.height).enumerated() {
            buffer.write(line, x: rect.x, y: rect.y + row, maxWidth: rect.width)
        }
    }
}
