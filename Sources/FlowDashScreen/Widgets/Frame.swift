/// A box drawn with Unicode line characters, with an optional title in the top edge.
public enum Frame {
    /// Draws the border and returns the area inside it (empty when there is no room).
    @discardableResult
    public static func draw(_ rect: Rect, title: String? = nil, style: Style = .plain, titleStyle: Style? = nil,
                            into buffer: inout ScreenBuffer) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for column in rect.x...right {
            buffer.set("─", x: column, y: rect.y, style: style)
            buffer.set("─", x: column, y: bottom, style: style)
        }
        for row in rect.y...bottom {
            buffer.set("│", x: rect.x, y: row, style: style)
            buffer.set("│", x: right, y: row, style: style)
        }
        buffer.set("┌", x: rect.x, y: rect.y, style: style)
        buffer.set("┐", x: right, y: rect.y, style: style)
        buffer.set("└", x: rect.x, y: bottom, style: style)
        buffer.set("┘", x: right, y: bottom, style: style)
        if let title, rect.width > 4 {
            buffer.write(" \(DisplayWidth.truncate(title, to: rect.width - 4)) ", x: rect.x + 1, y: rect.y,
                         style: titleStyle ?? style, maxWidth: rect.width - 2)
        }
        return rect.inset(by: 1)
    }
}
