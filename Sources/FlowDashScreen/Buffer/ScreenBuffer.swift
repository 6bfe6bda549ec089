/// A grid of cells the views draw into; the terminal backend shows it. Nothing here knows
/// about curses, so every screen can be tested by reading cells back.
public struct ScreenBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Writes one grapheme at a cell, keeping wide characters whole: overwriting either half of
    /// a wide character blanks the other half.
    public mutating func set(_ character: Character, x: Int, y: Int, style: Style) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let columns = DisplayWidth.of(character)
        guard columns > 0 else { return }
        if columns == 2 && x + 1 >= width {
            place(Cell(" ", style: style), x: x, y: y)
            return
        }
        place(Cell(String(character), style: style), x: x, y: y)
        if columns == 2 { place(Cell("", style: style), x: x + 1, y: y) }
    }

    private mutating func place(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0, !cell.isContinuation { cells[index - 1].text = " " }
        // why: the width lookup only matters for multi-byte text; ASCII cells are never wide.
        if old.text.utf8.count > 1, DisplayWidth.of(old.text) == 2, x + 1 < width, !cell.isContinuation || cell.text != "" {
            if cells[index + 1].isContinuation { cells[index + 1].text = " " }
        }
        cells[index] = cell
    }

    /// Writes `text` from (x, y) on one row, at most `maxWidth` columns (to the row's end by
    /// default); returns the columns used. Text is drawn as given: sanitise remote text first.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = maxWidth ?? Int.max
        var column = x
        // why: ASCII is nearly all of a frame; writing it straight into the row (no grapheme or
        // width lookups, no per-cell uniqueness checks) keeps a 200×60 frame within 1 ms.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return writeASCII(text, x: x, y: y, style: style, limit: limit)
        }
        // why: per scalar, not per grapheme: the same measure ncurses uses, and much cheaper. A
        // zero-width scalar (combining mark, joiner, variation selector) joins the cell before it.
        var lastCell: Int?
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                guard scalar.value >= 0x20, scalar.value != 0x7F else { continue }
                if column - x + 1 > limit || column + 1 > width { break }
                if column >= 0 {
                    place(Cell(Self.asciiText[Int(scalar.value)], style: style), x: column, y: y)
                    lastCell = y * width + column
                }
                column += 1
                continue
            }
            let columns = DisplayWidth.of(scalar)
            guard columns > 0 else {
                if let lastCell, scalar.value >= 0x300 { cells[lastCell].text.unicodeScalars.append(scalar) }
                continue
            }
            if column - x + columns > limit || column + columns > width { break }
            if column >= 0 {
                set(Character(scalar), x: column, y: y, style: style)
                lastCell = y * width + column
            }
            column += columns
        }
        return column - x
    }

    private static let asciiText: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    private mutating func writeASCII(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        let rowStart = y * width
        let firstColumn = max(0, x)
        // A wide character whose second half is overwritten loses its first half too.
        if firstColumn < width, cells[rowStart + firstColumn].isContinuation, firstColumn > 0 {
            cells[rowStart + firstColumn - 1].text = " "
        }
        var column = x
        var lastWritten = -1
        let width = self.width
        cells.withUnsafeMutableBufferPointer { cells in
            for byte in text.utf8 where byte >= 0x20 && byte != 0x7F {
                if column - x + 1 > limit || column + 1 > width { break }
                if column >= 0 {
                    cells[rowStart + column] = Cell(Self.asciiText[Int(byte)], style: style)
                    lastWritten = column
                }
                column += 1
            }
        }
        // ...and one whose first half is overwritten loses its second half.
        if lastWritten >= 0, lastWritten + 1 < width, cells[rowStart + lastWritten + 1].isContinuation {
            cells[rowStart + lastWritten + 1].text = " "
        }
        return column - x
    }

    /// Paints every cell of `rect` with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) {
                cells[row * width + column] = Cell(" ", style: style)
            }
        }
    }

    /// Applies `change` to the style of every cell of `rect` (e.g. reverse video for a selection).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) {
                change(&cells[row * width + column].style)
            }
        }
    }

    /// The text of each row, continuations skipped: what a person would read.
    public var lines: [String] {
        (0..<height).map { row in
            (0..<width).reduce(into: "") { line, column in line += self[column, row].text }
        }
    }
}
