import Foundation
import FlowDashCore
import FlowDashScreen

/// One row of the read-only source: the line number on the first row of each source line
/// (nil on the rows a long line wraps onto) and the text of the row.
struct SourceRow: Equatable {
    let number: Int?
    let text: String
}

/// Lays a source out in rows of a width, line numbers in a gutter, long lines wrapped at the
/// column (not at words, so indentation survives) and measured in display columns; the reason
/// it is read-only goes on top, from the subheader row. `update` scrolls over the same rows the
/// view draws, in the same area.
enum SourceText {
    /// The reason wraps onto at most this many rows; past them it is cut with `…`.
    static let maximumReasonRows = 3

    /// The reason, wrapped to the width, at most `maximumReasonRows` rows.
    static func reasonRows(_ reason: String, width: Int) -> [String] {
        let rows = Paragraph.wrap(reason, width: width)
        guard rows.count > maximumReasonRows else { return rows }
        var kept = Array(rows.prefix(maximumReasonRows))
        kept[kept.count - 1] = DisplayWidth.truncate(kept[kept.count - 1] + " …", to: width)
        return kept
    }

    /// Where the text goes: the body, less the rows the reason takes beyond the subheader.
    static func textArea(_ layout: ScreenLayout, reason: String) -> Rect {
        let extra = max(0, reasonRows(reason, width: layout.width).count - layout.subheader.height)
        return layout.body.splitTop(extra).1
    }

    /// The gutter: the widest line number, then " │ ".
    static func gutterWidth(lineCount: Int, width: Int) -> Int {
        let gutter = String(max(1, lineCount)).count + 3
        // why: on a very narrow body the text matters more than the numbers.
        return width >= gutter + 10 ? gutter : 0
    }

    static func rows(_ lines: [String], width: Int) -> [SourceRow] {
        let textWidth = max(1, width - gutterWidth(lineCount: lines.count, width: width))
        var rows: [SourceRow] = []
        for (index, line) in lines.enumerated() {
            var row = "", used = 0, first = true
            for character in line {
                let columns = DisplayWidth.of(character)
                if used + columns > textWidth, !row.isEmpty {
                    rows.append(SourceRow(number: first ? index + 1 : nil, text: row))
                    row = ""
                    used = 0
                    first = false
                }
                row.append(character)
                used += columns
            }
            rows.append(SourceRow(number: first ? index + 1 : nil, text: row))
        }
        return rows
    }
}

/// A definition that is not a file on this machine, shown read-only: why on the line under the
/// title, the text (sanitised when it arrived) in the body, scrolled by the movement keys.
enum SourceView {
    static func draw(_ state: AppState, layout: ScreenLayout, theme: Theme, strings: Strings,
                     into buffer: inout ScreenBuffer) {
        guard let source = state.source else { return }
        let body = SourceText.textArea(layout, reason: source.reason)
        // why: the reason says where to edit instead; cut to one row it would lose that part.
        for (row, text) in SourceText.reasonRows(source.reason, width: layout.width).enumerated()
        where layout.subheader.y + row < body.y {
            buffer.write(text, x: layout.subheader.x, y: layout.subheader.y + row, style: theme[.sectionTitle],
                         maxWidth: layout.width)
        }
        guard !body.isEmpty else { return }
        if source.lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            drawNotice(strings[.sourceEmpty], style: theme[.dim], in: body, into: &buffer)
            return
        }
        let rows = SourceText.rows(source.lines, width: body.width)
        let gutter = SourceText.gutterWidth(lineCount: source.lines.count, width: body.width)
        let digits = max(0, gutter - 3)
        for (row, line) in rows.dropFirst(source.offset).prefix(body.height).enumerated() {
            let y = body.y + row
            if gutter > 0 {
                let number = line.number.map(String.init) ?? ""
                let padded = String(repeating: " ", count: max(0, digits - number.count)) + number
                buffer.write(padded + " │ ", x: body.x, y: y, style: theme[.dim])
            }
            buffer.write(line.text, x: body.x + gutter, y: y, style: theme[.text], maxWidth: body.width - gutter)
        }
    }
}
