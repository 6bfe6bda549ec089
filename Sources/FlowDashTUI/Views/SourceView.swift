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
/// column (not at words, so indentation survives) and measured in display columns. `update`
/// scrolls over the same rows the view draws.
enum SourceText {
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
        buffer.write(DisplayWidth.truncate(strings[.sourceHeader, ["reason": clean(source.reason)]],
                                           to: layout.subheader.width),
                     x: layout.subheader.x, y: layout.subheader.y, style: theme[.sectionTitle],
                     maxWidth: layout.subheader.width)
        let body = layout.body
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
