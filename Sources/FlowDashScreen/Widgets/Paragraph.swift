/// Word-wrapped text.
public enum Paragraph {
    /// Splits `text` into rows of at most `width` columns, breaking at spaces where it can.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var row = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
                var word = word
                let candidate = row.isEmpty ? word : row + " " + word
                if DisplayWidth.of(candidate) <= width {
                    row = candidate
                    continue
                }
                if !row.isEmpty { rows.append(row) }
                while DisplayWidth.of(word) > width {
                    let head = prefix(of: word, columns: width)
                    rows.append(head)
                    word.removeFirst(head.count)
                }
                row = word
            }
            rows.append(row)
        }
        return rows
    }

    /// Draws wrapped `text` into `rect`; returns the rows used.
    @discardableResult
    public static func render(_ text: String, style: Style = .plain, in rect: Rect, into buffer: inout ScreenBuffer) -> Int {
        let rows = wrap(text, width: rect.width).prefix(rect.height)
        for (index, row) in rows.enumerated() {
            buffer.write(row, x: rect.x, y: rect.y + index, style: style, maxWidth: rect.width)
        }
        return rows.count
    }

    private static func prefix(of word: String, columns: Int) -> String {
        var result = ""
        for character in word {
            if DisplayWidth.of(result) + DisplayWidth.of(character) > columns { break }
            result.append(character)
        }
        return result.isEmpty ? String(word.prefix(1)) : result
    }
}
