import FlowDashScreen

/// A horizontal stretch of cells to redraw: columns `x..<x+count` of row `y`.
struct CellRun: Hashable, Sendable {
    let y: Int
    let x: Int
    let count: Int
}

/// Which cells changed between two frames, so a frame only re-emits what differs.
enum CellDiff {
    /// Runs of changed cells in `next`, row by row. Everything when there is no previous frame
    /// or the size changed. A run never starts on the second half of a wide character (it is
    /// widened to include its first half) and never ends between the two halves.
    static func runs(from previous: ScreenBuffer?, to next: ScreenBuffer) -> [CellRun] {
        guard let previous, previous.width == next.width, previous.height == next.height else {
            guard next.width > 0 else { return [] }
            return (0..<next.height).map { CellRun(y: $0, x: 0, count: next.width) }
        }
        var runs: [CellRun] = []
        for row in 0..<next.height {
            var column = 0
            while column < next.width {
                guard previous[column, row] != next[column, row] else {
                    column += 1
                    continue
                }
                var start = column
                while column < next.width && previous[column, row] != next[column, row] { column += 1 }
                if next[start, row].isContinuation && start > 0 { start -= 1 }
                if column < next.width && next[column, row].isContinuation { column += 1 }
                if let last = runs.last, last.y == row, last.x + last.count >= start {
                    runs[runs.count - 1] = CellRun(y: row, x: last.x, count: column - last.x)
                } else {
                    runs.append(CellRun(y: row, x: start, count: column - start))
                }
            }
        }
        return runs
    }
}

/// What to hand curses for one cell, reconciled with curses' own idea of the text's width
/// (`wcwidth`), so a disagreement never shifts the rest of the row.
struct CellGlyph: Equatable, Sendable {
    /// The scalars for `setcchar`: one spacing scalar, then at most four combining ones.
    let scalars: [Unicode.Scalar]
    /// The glyph is narrower than the two columns the buffer gave it: blank the second one.
    let padsSecondColumn: Bool

    static let replacement: Unicode.Scalar = "\u{FFFD}"
    static let maximumScalars = 5  // curses' CCHARW_MAX

    /// The glyph for `text` in a slot of `columns` (1, or 2 for a wide character);
    /// `cursesWidth` is curses' width of one scalar (-1 when unprintable).
    static func make(text: String, columns: Int, cursesWidth: (Unicode.Scalar) -> Int) -> CellGlyph {
        let scalars = Array(text.unicodeScalars.prefix(maximumScalars))
        guard let first = scalars.first else { return CellGlyph(scalars: [" "], padsSecondColumn: columns == 2) }
        let firstWidth = cursesWidth(first)
        let restIsCombining = scalars.dropFirst().allSatisfy { cursesWidth($0) == 0 }
        if restIsCombining && firstWidth == columns {
            return CellGlyph(scalars: scalars, padsSecondColumn: false)
        }
        if restIsCombining && firstWidth == 1 && columns == 2 {
            return CellGlyph(scalars: scalars, padsSecondColumn: true)
        }
        // Curses would draw this wider than the buffer thinks (or not at all): show a marker.
        let marker: Unicode.Scalar = cursesWidth(replacement) == 1 ? replacement : "?"
        return CellGlyph(scalars: [marker], padsSecondColumn: columns == 2)
    }
}
