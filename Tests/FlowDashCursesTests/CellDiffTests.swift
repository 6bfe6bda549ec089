@testable import FlowDashCurses
import FlowDashScreen
import Testing

struct CellDiffTests {
    @Test func noPreviousFrameOrANewSizeRedrawsEveryRow() {
        let next = ScreenBuffer(width: 4, height: 2)
        let expected = [CellRun(y: 0, x: 0, count: 4), CellRun(y: 1, x: 0, count: 4)]
        #expect(CellDiff.runs(from: nil, to: next) == expected)
        #expect(CellDiff.runs(from: ScreenBuffer(width: 3, height: 2), to: next) == expected)
    }

    @Test func identicalFramesRedrawNothing() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.write("hello 漢字", x: 0, y: 1)
        #expect(CellDiff.runs(from: buffer, to: buffer).isEmpty)
    }

    @Test func aOneRowChangeTouchesOnlyThatRowsChangedCells() {
        var previous = ScreenBuffer(width: 20, height: 5)
        previous.write("status: running", x: 0, y: 2)
        previous.write("footer", x: 0, y: 4)
        var next = previous
        next.write("rusting", x: 8, y: 2)  // only "nn" → "st" differs
        next.write("!", x: 19, y: 2, style: Style(foreground: .red))
        #expect(CellDiff.runs(from: previous, to: next) == [
            CellRun(y: 2, x: 10, count: 2), CellRun(y: 2, x: 19, count: 1),
        ])
    }

    @Test func aStyleOnlyChangeIsAChange() {
        var previous = ScreenBuffer(width: 5, height: 1)
        previous.write("abc", x: 0, y: 0)
        var next = previous
        next.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.reverse = true }
        #expect(CellDiff.runs(from: previous, to: next) == [CellRun(y: 0, x: 1, count: 1)])
    }

    @Test func runsNeverSplitAWideCharacter() {
        var previous = ScreenBuffer(width: 6, height: 1)
        previous.write("a漢b", x: 0, y: 0)
        var restyled = previous
        restyled.restyle(Rect(x: 2, y: 0, width: 2, height: 1)) { $0.bold = true }
        // Only the continuation (x 2) and "b" changed; the run must start at the first half.
        #expect(CellDiff.runs(from: previous, to: restyled) == [CellRun(y: 0, x: 1, count: 3)])

        var leadOnly = previous
        leadOnly.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.underline = true }
        #expect(CellDiff.runs(from: previous, to: leadOnly) == [CellRun(y: 0, x: 1, count: 2)])
    }

    @Test func replacingAWideCharacterRedrawsBothColumns() {
        var previous = ScreenBuffer(width: 4, height: 1)
        previous.write("漢字", x: 0, y: 0)
        var next = previous
        next.write("x", x: 1, y: 0)
        #expect(next.lines == [" x字"])
        #expect(CellDiff.runs(from: previous, to: next) == [CellRun(y: 0, x: 0, count: 2)])
    }
}

struct CellGlyphTests {
    /// Stand-in for wcwidth: CJK and emoji 2, combining acute 0, U+0001 unprintable.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x301: return 0
        case 0x1: return -1
        case 0x2764: return 1  // heavy heart: narrow for curses
        case 0x4E00...0x9FFF, 0x1F300...0x1F64F: return 2
        default: return 1
        }
    }

    @Test func agreeingWidthsDrawTheTextAsIs() {
        #expect(CellGlyph.make(text: "a", columns: 1, cursesWidth: Self.width) == CellGlyph(scalars: ["a"], padsSecondColumn: false))
        #expect(CellGlyph.make(text: "漢", columns: 2, cursesWidth: Self.width).scalars == ["漢"])
        #expect(CellGlyph.make(text: "e\u{301}", columns: 1, cursesWidth: Self.width).scalars == ["e", "\u{301}"])
    }

    @Test func aGlyphNarrowerThanItsSlotPadsTheSecondColumn() {
        #expect(CellGlyph.make(text: "\u{2764}", columns: 2, cursesWidth: Self.width)
                == CellGlyph(scalars: ["\u{2764}"], padsSecondColumn: true))
    }

    @Test func aGlyphCursesWouldDrawWiderOrNotAtAllBecomesAMarker() {
        #expect(CellGlyph.make(text: "漢", columns: 1, cursesWidth: Self.width).scalars == [CellGlyph.replacement])
        #expect(CellGlyph.make(text: "\u{1}", columns: 1, cursesWidth: Self.width).scalars == [CellGlyph.replacement])
        #expect(CellGlyph.make(text: "🚀🚀", columns: 2, cursesWidth: Self.width)
                == CellGlyph(scalars: [CellGlyph.replacement], padsSecondColumn: true))
    }

    @Test func extraCombiningMarksBeyondCursesLimitAreDropped() {
        let text = "e" + String(repeating: "\u{301}", count: 7)
        #expect(CellGlyph.make(text: text, columns: 1, cursesWidth: Self.width).scalars.count == 5)
    }

    @Test func theRealWcwidthIsWiredUp() {
        #expect(CursesTerminal.cursesWidth("a") == 1)  // true in every locale, unlike "漢"
    }
}
