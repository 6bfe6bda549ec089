/// A terminal colour: one of the eight basic ones, a 256-palette index, or 24-bit RGB. The
/// curses backend maps it to what the terminal can show.
public enum Color: Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

/// How a cell looks. `nil` colours mean the terminal's default.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false,
                underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = Style()
}
