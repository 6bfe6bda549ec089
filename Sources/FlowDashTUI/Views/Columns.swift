import FlowDashCore
import FlowDashScreen

/// One column of a table row: its text (already sanitised) and what it means.
public struct RowField: Hashable, Sendable {
    /// What the column shows, already sanitised.
    public let text: String
    /// How it is drawn, through the theme.
    public let role: StyleRole

    /// A field of `text` drawn in `role`.
    public init(_ text: String, _ role: StyleRole) {
        self.text = text
        self.role = role
    }
}

/// Lays rows of fields out in aligned columns, measured in display columns (a CJK character
/// takes two), so wide flow names never push the next column out of line.
enum Columns {
    /// Gap between two columns.
    static let gap = 2

    /// Column widths for `rows` in `width` columns: each column as wide as its widest text, up to
    /// `caps[i]`; the last column takes what is left.
    static func widths(for rows: [[RowField]], width: Int, caps: [Int]) -> [Int] {
        let count = rows.map(\.count).max() ?? 0
        var widths = (0..<count).map { column in
            let widest = rows.map { column < $0.count ? DisplayWidth.of($0[column].text) : 0 }.max() ?? 0
            return min(widest, column < caps.count ? caps[column] : widest)
        }
        if let last = widths.indices.last {
            let used = widths.dropLast().reduce(0, +) + gap * last
            widths[last] = max(0, width - used)
        }
        return widths
    }

    /// One styled line per row, each field cut or padded to its column's width.
    static func lines(for rows: [[RowField]], widths: [Int], theme: Theme) -> [Line] {
        rows.map { line(for: $0, widths: widths, theme: theme) }
    }

    static func line(for fields: [RowField], widths: [Int], theme: Theme) -> Line {
        var spans: [Span] = []
        for (index, field) in fields.enumerated() where index < widths.count {
            if index > 0 { spans.append(Span(String(repeating: " ", count: gap))) }
            spans.append(Span(DisplayWidth.pad(field.text, to: widths[index]), style: theme[field.role]))
        }
        return Line(spans)
    }

    /// Column headings in the same widths as the rows under them.
    static func heading(_ titles: [String], widths: [Int], theme: Theme) -> Line {
        line(for: titles.map { RowField($0, .columnHeader) }, widths: widths, theme: theme)
    }
}

/// `line` cut to `width` columns, with `…` marking the cut.
func truncated(_ line: Line, to width: Int) -> Line {
    guard line.width > width else { return line }
    var spans: [Span] = []
    var used = 0
    for span in line.spans {
        let room = width - used
        guard room > 0 else { break }
        let spanWidth = DisplayWidth.of(span.text)
        if spanWidth < room || (spanWidth == room && used + spanWidth == line.width) {
            spans.append(span)
            used += spanWidth
        } else {
            spans.append(Span(DisplayWidth.truncate(span.text + " ", to: room), style: span.style))
            break
        }
    }
    return Line(spans)
}

/// Sanitises remote text for one row: escape sequences and controls never reach a cell.
func clean(_ text: String) -> String { TextSanitizer.clean(text) }

/// The items a list of `count` shows in `rows` rows, as `ScreenLayout` hit-tests it: row `r`
/// shows item `offset + r`, the offset moved only if the selection would be out of sight.
func visibleWindow(count: Int, selection: Int, offset: Int, rows: Int) -> Range<Int> {
    guard rows > 0, count > 0 else { return 0..<0 }
    let first = ListView.offset(selection: selection, current: offset, rows: rows, count: count)
    return first..<min(count, first + rows)
}

/// Draws the lines of a window's items from the top of `rect`, highlighting the selected one
/// over its first `highlightWidth` columns (the whole row when nil).
/// why: a bar over the key columns reads as well as a full-row one, and moving it rewrites a few
/// dozen cells instead of two whole rows (the benchmark's goal is under 200 bytes a move).
func drawWindow(_ lines: [Line], window: Range<Int>, selection: Int, in rect: Rect, theme: Theme,
                highlightWidth: Int? = nil, into buffer: inout ScreenBuffer) {
    guard !rect.isEmpty else { return }
    for (row, line) in lines.prefix(rect.height).enumerated() {
        let y = rect.y + row
        buffer.write(line, x: rect.x, y: y, maxWidth: rect.width)
        if window.lowerBound + row == selection {
            let width = min(rect.width, highlightWidth ?? rect.width)
            buffer.restyle(Rect(x: rect.x, y: y, width: width, height: 1), theme.highlight)
        }
    }
}

/// The width of the first `count` columns and the gaps between them.
func keyColumnsWidth(_ widths: [Int], count: Int) -> Int {
    let taken = widths.prefix(count)
    return taken.reduce(0, +) + Columns.gap * max(0, taken.count - 1)
}

/// Draws `text` wrapped and centred in `rect`, for empty and loading lists.
func drawNotice(_ text: String, style: Style, in rect: Rect, into buffer: inout ScreenBuffer) {
    guard !rect.isEmpty else { return }
    let rows = Paragraph.wrap(text, width: rect.width)
    let top = rect.y + max(0, (rect.height - rows.count) / 2)
    for (index, row) in rows.enumerated() where top + index < rect.maxY {
        let x = rect.x + max(0, (rect.width - DisplayWidth.of(row)) / 2)
        buffer.write(row, x: x, y: top + index, style: style, maxWidth: rect.maxX - x)
    }
}
