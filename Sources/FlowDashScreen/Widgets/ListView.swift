/// A vertical list of lines with one selected row, scrolled so the selection stays visible.
public enum ListView {
    /// The first visible row that keeps `selection` in a window of `rows`, moving as little as
    /// possible from `offset`.
    public static func offset(selection: Int, current offset: Int, rows: Int, count: Int) -> Int {
        guard rows > 0, count > rows else { return 0 }
        var first = min(max(0, offset), count - rows)
        if selection < first { first = selection }
        if selection >= first + rows { first = selection - rows + 1 }
        return max(0, min(first, count - rows))
    }

    /// Draws `lines[offset...]` into `rect`; the selected row is restyled by `highlight`.
    /// Returns the offset used.
    @discardableResult
    public static func render(_ lines: [Line], selection: Int?, offset: Int, in rect: Rect,
                              highlight: (inout Style) -> Void = { $0.reverse = true },
                              into buffer: inout ScreenBuffer) -> Int {
        guard !rect.isEmpty else { return offset }
        let first = ListView.offset(selection: selection ?? 0, current: offset, rows: rect.height, count: lines.count)
        for row in 0..<rect.height {
            let index = first + row
            guard lines.indices.contains(index) else { break }
            buffer.write(lines[index], x: rect.x, y: rect.y + row, maxWidth: rect.width)
            if index == selection {
                buffer.restyle(Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1), highlight)
            }
        }
        return first
    }
}
