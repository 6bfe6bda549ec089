/// A one-line input. A masked field shows one `•` per character typed, never the text.
public enum TextField {
    public static let maskCharacter: Character = "•"

    public static func render(_ text: String, masked: Bool, in rect: Rect, style: Style = Style(underline: true),
                              into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        let shown = masked ? String(repeating: maskCharacter, count: text.count) : text
        // why: keep the end (where the cursor is) in view when the text is longer than the field.
        var visible = shown
        while DisplayWidth.of(visible) > rect.width - 1, !visible.isEmpty { visible.removeFirst() }
        let used = buffer.write(visible, x: rect.x, y: rect.y, style: style, maxWidth: rect.width - 1)
        buffer.set("▏", x: rect.x + used, y: rect.y, style: style)
    }
}
