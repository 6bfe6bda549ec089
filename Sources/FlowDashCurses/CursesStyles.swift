import CNcursesw
import FlowDashScreen

/// A `Style` as curses draws it: attribute bits plus an (extended) colour pair.
struct CursesStyle: Sendable {
    var attributes: attr_t
    var pair: Int32
}

/// Turns styles into curses attributes and colour pairs, creating pairs as they are first
/// needed and remembering every style it has seen (a frame uses only a handful).
@MainActor
struct CursesStyles {
    private let colorsEnabled: Bool
    private let mapping: ColorMapping
    private let defaultColorsWork: Bool
    private var pairs: ColorPairTable
    private var cache: [Style: CursesStyle] = [:]

    /// Colours off (NO_COLOR, or a terminal without colour): attributes only.
    static let monochrome = CursesStyles(colorsEnabled: false, colorCount: 0, pairCapacity: 0, defaultColorsWork: false)

    init(colorsEnabled: Bool, colorCount: Int, pairCapacity: Int, defaultColorsWork: Bool) {
        self.colorsEnabled = colorsEnabled
        self.mapping = ColorMapping(colorCount: colorCount)
        self.defaultColorsWork = defaultColorsWork
        self.pairs = ColorPairTable(capacity: pairCapacity)
    }

    /// Starts colour if the terminal has it and the caller wants it (call after newterm).
    static func start(wanted: Bool) -> CursesStyles {
        guard wanted, has_colors(), start_color() != ERR else { return .monochrome }
        let defaultColorsWork = use_default_colors() != ERR
        return CursesStyles(colorsEnabled: true, colorCount: Int(fd_colors()), pairCapacity: Int(fd_color_pairs()),
                            defaultColorsWork: defaultColorsWork)
    }

    static func attributes(for style: Style) -> attr_t {
        var bits = FD_A_NORMAL
        if style.bold { bits |= FD_A_BOLD }
        if style.dim { bits |= FD_A_DIM }
        if style.underline { bits |= FD_A_UNDERLINE }
        if style.reverse { bits |= FD_A_REVERSE }
        return bits
    }

    mutating func resolve(_ style: Style) -> CursesStyle {
        if let known = cache[style] { return known }
        let resolved = CursesStyle(attributes: Self.attributes(for: style), pair: colorPair(for: style))
        cache[style] = resolved
        return resolved
    }

    private mutating func colorPair(for style: Style) -> Int32 {
        guard colorsEnabled, style.foreground != nil || style.background != nil else { return 0 }
        var foreground = mapping.number(for: style.foreground)
        var background = mapping.number(for: style.background)
        if !defaultColorsWork {
            // Without use_default_colors, -1 is invalid: assume the classic white on black.
            if foreground == -1 { foreground = 7 }
            if background == -1 { background = 0 }
        }
        let (pair, isNew) = pairs.pair(foreground: foreground, background: background)
        if isNew && init_extended_pair(pair, foreground, background) == ERR { return 0 }
        return pair
    }
}
