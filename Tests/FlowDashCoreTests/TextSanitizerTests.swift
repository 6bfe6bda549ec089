import FlowDashCore
import Testing

struct TextSanitizerTests {
    @Test func stripsCSIAndOSCSequences() {
        let hostile = "\u{1b}]0;pwned\u{07}\u{1b}[2J\u{1b}[31mred alert\u{1b}[0m done"
        #expect(TextSanitizer.clean(hostile) == "red alert done")
    }

    @Test func stripsEightBitCSIAndStringTerminatedOSC() {
        #expect(TextSanitizer.clean("a\u{9b}31mb\u{1b}]8;;http://x\u{1b}\\c") == "abc")
    }

    @Test func dropsOtherControlsAndBidiOverrides() {
        #expect(TextSanitizer.clean("a\u{0}b\u{7}c\u{7f}d\u{202e}e\u{85}f") == "abcdef")
    }

    @Test func lineBreaksBecomeOneSpaceOnASingleLine() {
        #expect(TextSanitizer.clean("one\r\ntwo\tthree") == "one two three")
    }

    @Test func keepsNewlinesWhenAskedForMultipleLines() {
        #expect(TextSanitizer.clean("one\r\ntwo\u{1b}[1m", singleLine: false) == "one\ntwo")
    }

    @Test func keepsWideAndCombiningText() {
        #expect(TextSanitizer.clean("漢字 🚀 e\u{301}") == "漢字 🚀 e\u{301}")
    }

    @Test func anUnfinishedSequenceSwallowsOnlyItsTail() {
        #expect(TextSanitizer.clean("ok\u{1b}[31") == "ok")
        #expect(TextSanitizer.clean("ok\u{1b}") == "ok")
    }

    @Test func truncateMarksTheCut() {
        #expect(TextSanitizer.truncate("abcdef", to: 4) == "abc…")
        #expect(TextSanitizer.truncate("abc", to: 4) == "abc")
    }
}
