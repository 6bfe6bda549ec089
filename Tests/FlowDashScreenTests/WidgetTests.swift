import FlowDashScreen
import Testing

struct WidgetTests {
    @Test func listKeepsTheSelectionInView() {
        #expect(ListView.offset(selection: 0, current: 0, rows: 3, count: 10) == 0)
        #expect(ListView.offset(selection: 5, current: 0, rows: 3, count: 10) == 3)
        #expect(ListView.offset(selection: 4, current: 3, rows: 3, count: 10) == 3)
        #expect(ListView.offset(selection: 1, current: 3, rows: 3, count: 10) == 1)
        #expect(ListView.offset(selection: 9, current: 9, rows: 3, count: 10) == 7)
        #expect(ListView.offset(selection: 2, current: 5, rows: 3, count: 2) == 0)
    }

    @Test func listHighlightsOnlyTheSelectedRow() {
        var buffer = ScreenBuffer(width: 5, height: 3)
        ListView.render(["a", "b", "c", "d"], selection: 3, offset: 0, in: buffer.area, into: &buffer)
        #expect(buffer.lines == ["b    ", "c    ", "d    "])
        #expect(buffer[0, 2].style.reverse && buffer[4, 2].style.reverse)
        #expect(!buffer[0, 1].style.reverse)
    }

    @Test func aMaskedFieldNeverShowsTheText() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        TextField.render("hunter2", masked: true, in: buffer.area, into: &buffer)
        #expect(buffer.lines[0].hasPrefix("•••••••"))
        #expect(!buffer.lines[0].contains("hunter2"))
    }

    @Test func aLongFieldShowsItsEnd() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        TextField.render("abcdefgh", masked: false, in: buffer.area, into: &buffer)
        #expect(buffer.lines == ["efgh▏"])
    }

    @Test func frameDrawsBoxAndTitle() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        let inner = Frame.draw(buffer.area, title: "Verify", into: &buffer)
        #expect(buffer.lines == ["┌ Verify ──┐", "│          │", "└──────────┘"])
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
    }

    @Test func widgetsDrawNothingInAnEmptyArea() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        ListView.render(["a"], selection: 0, offset: 0, in: empty, into: &buffer)
        TextField.render("x", masked: true, in: empty, into: &buffer)
        Frame.draw(empty, title: "t", into: &buffer)
        Paragraph.render("words", in: empty, into: &buffer)
        #expect(buffer == ScreenBuffer(width: 4, height: 2))
    }

    @Test func paragraphWrapsAtSpacesAndSplitsLongWords() {
        #expect(Paragraph.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(Paragraph.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(Paragraph.wrap("漢字漢字", width: 4) == ["漢字", "漢字"])
    }

    @Test func styledLinesKeepTheirSpans() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        let red = Style(foreground: .red, bold: true)
        buffer.write(Line([Span("!", style: red), Span(" ok")]), x: 0, y: 0)
        #expect(buffer.lines == ["! ok  "])
        #expect(buffer[0, 0].style == red)
        #expect(buffer[2, 0].style == .plain)
    }
}
