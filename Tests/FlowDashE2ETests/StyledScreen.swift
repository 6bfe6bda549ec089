/// Reads `capture-pane -e` output: each printable character with the SGR state in force, enough
/// to answer "is this `!` red and bold?".
struct StyledScreen {
    struct Style: Equatable {
        var foreground: Int?
        var background: Int?
        var bold = false
        var reverse = false
    }

    struct StyledCharacter {
        let character: Character
        let style: Style
    }

    let rows: [[StyledCharacter]]
    let raw: String

    init(_ captured: String) {
        raw = captured
        var rows: [[StyledCharacter]] = []
        var style = Style()
        for line in captured.split(separator: "\n", omittingEmptySubsequences: false) {
            var row: [StyledCharacter] = []
            var scalars = Array(line.unicodeScalars)[...]
            while let scalar = scalars.popFirst() {
                guard scalar == "\u{1b}", scalars.first == "[" else {
                    row.append(StyledCharacter(character: Character(scalar), style: style))
                    continue
                }
                scalars.removeFirst()
                var parameters = ""
                while let next = scalars.popFirst(), next != "m" { parameters.unicodeScalars.append(next) }
                Self.apply(parameters, to: &style)
            }
            rows.append(row)
        }
        self.rows = rows
    }

    static func apply(_ parameters: String, to style: inout Style) {
        let codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        var index = 0
        while index < codes.count {
            switch codes[index] {
            case 0: style = Style()
            case 1: style.bold = true
            case 22: style.bold = false
            case 7: style.reverse = true
            case 27: style.reverse = false
            case 30...37: style.foreground = codes[index] - 30
            case 90...97: style.foreground = codes[index] - 90
            case 39: style.foreground = nil
            case 40...47: style.background = codes[index] - 40
            case 100...107: style.background = codes[index] - 100
            case 49: style.background = nil
            case 48: style.background = 1000
                index += codes.count
            case 38:
                // 38;5;n or 38;2;r;g;b: keep the palette index (1 and 9 and 196 read as red).
                if index + 2 < codes.count, codes[index + 1] == 5 {
                    style.foreground = codes[index + 2]
                    index += 2
                } else if index + 4 < codes.count, codes[index + 1] == 2 {
                    style.foreground = codes[index + 2] > 150 && codes[index + 3] < 100 ? 1 : 1000
                    index += 4
                }
            default: break
            }
            index += 1
        }
    }

    var text: String { rows.map { String($0.map(\.character)) }.joined(separator: "\n") }

    /// The style of the first `character` on the first row containing `rowText`.
    func style(of character: Character, onRowContaining rowText: String) -> Style? {
        guard let row = rows.first(where: { String($0.map(\.character)).contains(rowText) }) else { return nil }
        return row.first { $0.character == character }?.style
    }

    /// Whether any character is drawn with a foreground or background colour.
    var hasAnyColor: Bool {
        rows.contains { row in row.contains { $0.style.foreground != nil || $0.style.background != nil } }
    }
}

extension StyledScreen.Style {
    /// Red in the 8-colour set, its bright variant, or a red from the 256 palette.
    var isRed: Bool { foreground.map { [1, 9, 160, 196].contains($0) } ?? false }
}
