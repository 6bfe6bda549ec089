import FlowDashScreen
import Testing

struct ScreenBufferTests {
    @Test func wideCharactersTakeTwoCells() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        #expect(buffer.write("漢字ab", x: 0, y: 0) == 6)
        #expect(buffer.lines == ["漢字ab"])
        #expect(buffer[1, 0].isContinuation)
    }

    @Test func aWideCharacterThatDoesNotFitIsLeftOut() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        #expect(buffer.write("a漢字", x: 0, y: 0) == 3)
        #expect(buffer.lines == ["a漢"])
        var narrow = ScreenBuffer(width: 4, height: 1)
        narrow.write("abc漢", x: 0, y: 0)
        #expect(narrow.lines == ["abc "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.write("漢字", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.lines == [" x字"])
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.lines == [" xy "])
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        #expect(buffer.write("e\u{301}x", x: 0, y: 0) == 2)
        #expect(buffer[0, 0].text == "e\u{301}")
    }

    @Test func writingOutsideTheBufferIsHarmless() {
        var buffer = ScreenBuffer(width: 0, height: 0)
        #expect(buffer.write("abc", x: 0, y: 0) == 0)
        var small = ScreenBuffer(width: 2, height: 1)
        small.write("abc", x: -1, y: 0)
        small.write("zz", x: 0, y: 5)
        #expect(small.lines == ["bc"])
    }

    @Test(arguments: [("漢字", 4), ("🚀✅", 4), ("한국어", 6), ("ｱｲ", 2), ("→★", 2), ("e\u{301}", 1), ("abc", 3)])
    func displayWidthMatchesNcurses(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func truncateAndPadCountColumns() {
        #expect(DisplayWidth.truncate("漢字漢字", to: 5) == "漢字…")
        #expect(DisplayWidth.pad("漢", to: 4) == "漢  ")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }
}
