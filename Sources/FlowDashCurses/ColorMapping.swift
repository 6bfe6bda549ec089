import FlowDashScreen

/// Maps a `Color` to the colour number curses expects, by what the terminal can show
/// (curses' COLORS): 8 (or 16) basic colours, the xterm 256 palette, or direct RGB.
struct ColorMapping: Sendable {
    /// The terminal's colour count (curses' COLORS).
    let colorCount: Int

    /// COLORS at or above this means "direct colour": numbers of 8 or more are 0xRRGGBB.
    static let directColorThreshold = 1 << 24

    /// The curses colour number for `color`; -1 (the terminal's default) for nil.
    func number(for color: Color?) -> Int32 {
        guard let color else { return -1 }
        if let basic = Self.basicIndex(color) { return basic }
        switch color {
        case .indexed(let index):
            return number(forIndex: Int(index))
        case .rgb(let red, let green, let blue):
            return number(forRGB: RGB(red: Int(red), green: Int(green), blue: Int(blue)))
        default:
            return -1
        }
    }

    private func number(forIndex index: Int) -> Int32 {
        if index < 8 { return Int32(index) }
        if colorCount >= Self.directColorThreshold {
            // A palette number here would be read as RGB (196 → dark blue): send the RGB value.
            return number(forRGB: Self.xtermRGB(index))
        }
        if colorCount >= 256 || index < colorCount { return Int32(index) }
        return Self.nearestBasic(Self.xtermRGB(index), count: colorCount)
    }

    private func number(forRGB rgb: RGB) -> Int32 {
        if colorCount >= Self.directColorThreshold {
            // Values 0–7 still mean the basic palette; nudge near-black there to 8 (0,0,8).
            return Int32(max(8, rgb.packed))
        }
        if colorCount >= 256 { return Self.nearestXterm256(rgb) }
        return Self.nearestBasic(rgb, count: colorCount)
    }

    static func basicIndex(_ color: Color) -> Int32? {
        switch color {
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .indexed, .rgb: return nil
        }
    }

    /// An RGB triple with the distance used to pick the nearest palette entry.
    struct RGB: Equatable, Sendable {
        var red: Int
        var green: Int
        var blue: Int

        var packed: Int { red << 16 | green << 8 | blue }

        func distance(to other: RGB) -> Int {
            let dr = red - other.red, dg = green - other.green, db = blue - other.blue
            return dr * dr + dg * dg + db * db
        }
    }

    /// xterm's default values for the 16 system colours.
    static let systemColors: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
        (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ].map { RGB(red: $0.0, green: $0.1, blue: $0.2) }

    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value xterm shows for a 256-palette index.
    static func xtermRGB(_ index: Int) -> RGB {
        switch index {
        case ..<16:
            return systemColors[max(0, index)]
        case 16..<232:
            let cube = index - 16
            return RGB(red: cubeLevels[cube / 36], green: cubeLevels[(cube / 6) % 6], blue: cubeLevels[cube % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return RGB(red: level, green: level, blue: level)
        }
    }

    /// The nearest of the first `count` system colours (8, or 16 on a 16-colour terminal).
    static func nearestBasic(_ rgb: RGB, count: Int) -> Int32 {
        let candidates = systemColors.prefix(count >= 16 ? 16 : 8)
        let best = candidates.indices.min { candidates[$0].distance(to: rgb) < candidates[$1].distance(to: rgb) }
        return Int32(best ?? 7)
    }

    /// The nearest xterm-256 entry from the colour cube (16–231) or the grey ramp (232–255);
    /// the system colours are skipped because terminals theme them.
    static func nearestXterm256(_ rgb: RGB) -> Int32 {
        func nearestLevel(_ value: Int) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) } ?? 0
        }
        let r = nearestLevel(rgb.red), g = nearestLevel(rgb.green), b = nearestLevel(rgb.blue)
        let cubeIndex = 16 + 36 * r + 6 * g + b
        let average = (rgb.red + rgb.green + rgb.blue) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let greyIndex = 232 + greyStep
        let cubeDistance = xtermRGB(cubeIndex).distance(to: rgb)
        let greyDistance = xtermRGB(greyIndex).distance(to: rgb)
        return Int32(greyDistance < cubeDistance ? greyIndex : cubeIndex)
    }
}
