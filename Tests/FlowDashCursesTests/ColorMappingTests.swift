@testable import FlowDashCurses
import FlowDashScreen
import Testing

struct ColorMappingTests {
    let basic = ColorMapping(colorCount: 8)
    let palette = ColorMapping(colorCount: 256)
    let direct = ColorMapping(colorCount: 1 << 24)

    @Test func basicColoursAreZeroToSevenEverywhere() {
        for mapping in [basic, palette, direct] {
            #expect(mapping.number(for: .black) == 0)
            #expect(mapping.number(for: .red) == 1)
            #expect(mapping.number(for: .white) == 7)
            #expect(mapping.number(for: nil) == -1)
        }
    }

    @Test func eightColourTerminalsGetTheNearestBasicColour() {
        #expect(basic.number(for: .rgb(250, 10, 10)) == 1)
        #expect(basic.number(for: .rgb(20, 20, 20)) == 0)
        #expect(basic.number(for: .rgb(0, 0, 200)) == 4)
        #expect(basic.number(for: .rgb(240, 240, 240)) == 7)
        #expect(basic.number(for: .indexed(196)) == 1)  // bright red
        #expect(basic.number(for: .indexed(9)) == 1)
        #expect(basic.number(for: .indexed(3)) == 3)
        #expect(ColorMapping(colorCount: 16).number(for: .indexed(9)) == 9)
    }

    @Test func paletteTerminalsGetXterm256Indices() {
        #expect(palette.number(for: .indexed(196)) == 196)
        #expect(palette.number(for: .rgb(255, 0, 0)) == 196)
        #expect(palette.number(for: .rgb(255, 135, 0)) == 208)
        #expect(palette.number(for: .rgb(0, 0, 0)) == 16)
        #expect(palette.number(for: .rgb(128, 128, 128)) == 244)
        #expect(palette.number(for: .rgb(18, 18, 18)) == 233)
    }

    @Test func directColourTerminalsGetRGBValuesNeverPaletteNumbers() {
        #expect(direct.number(for: .rgb(255, 136, 0)) == 0xFF8800)
        #expect(direct.number(for: .indexed(196)) == 0xFF0000)  // not 196, which would be blue
        #expect(direct.number(for: .indexed(2)) == 2)
        #expect(direct.number(for: .rgb(0, 0, 0)) == 8)  // 0–7 would mean the themed palette
    }

    @Test func xtermPaletteValues() {
        #expect(ColorMapping.xtermRGB(16) == .init(red: 0, green: 0, blue: 0))
        #expect(ColorMapping.xtermRGB(231) == .init(red: 255, green: 255, blue: 255))
        #expect(ColorMapping.xtermRGB(232) == .init(red: 8, green: 8, blue: 8))
        #expect(ColorMapping.xtermRGB(255) == .init(red: 238, green: 238, blue: 238))
        for index in 16...255 {
            let rgb = ColorMapping.xtermRGB(index)
            let back = ColorMapping.nearestXterm256(rgb)
            #expect(ColorMapping.xtermRGB(Int(back)) == rgb, "index \(index)")
        }
    }

    @Test func colourPairsAreReusedAndRunOutToTheDefaultPair() {
        var table = ColorPairTable(capacity: 3)
        #expect(table.pair(foreground: -1, background: -1) == (0, false))
        #expect(table.pair(foreground: 1, background: -1) == (1, true))
        #expect(table.pair(foreground: 1, background: -1) == (1, false))
        #expect(table.pair(foreground: 2, background: 4) == (2, true))
        #expect(table.pair(foreground: 3, background: 4) == (0, false))  // pairs 1 and 2 only
    }
}
