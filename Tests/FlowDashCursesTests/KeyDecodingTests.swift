@testable import FlowDashCurses
import FlowDashScreen
import Testing

/// Raw values are ncurses' documented key codes, so the table is checked against the ABI and
/// not against itself.
struct KeyDecodingTests {
    @Test(arguments: [
        (259, Key.up), (258, .down), (260, .left), (261, .right), (262, .home), (360, .end),
        (339, .pageUp), (338, .pageDown), (343, .enter), (263, .backspace), (330, .delete),
        (353, .backTab), (265, .function(1)), (269, .function(5)), (276, .function(12)),
    ] as [(Int32, Key)])
    func keyCodes(code: Int32, key: Key) {
        #expect(KeyDecoding.key(forKeyCode: code) == key)
    }

    @Test func functionKeysBeyondTwelveAndUnknownCodesAreDropped() {
        #expect(KeyDecoding.key(forKeyCode: 277) == nil)  // F13 (Shift-F1 on xterm)
        #expect(KeyDecoding.key(forKeyCode: 264) == nil)  // F0
        #expect(KeyDecoding.key(forKeyCode: 0o777) == nil)
    }

    @Test(arguments: [
        (10, Key.enter), (13, .enter), (9, .tab), (27, .escape), (127, .backspace), (8, .backspace),
        (1, .control("a")), (3, .control("c")), (11, .control("k")), (26, .control("z")),
    ] as [(UInt32, Key)])
    func controlCharacters(value: UInt32, key: Key) {
        #expect(KeyDecoding.key(forCharacter: value) == key)
    }

    @Test func printableCharactersIncludingWideOnes() {
        #expect(KeyDecoding.key(forCharacter: 0x71) == .character("q"))
        #expect(KeyDecoding.key(forCharacter: 0x20) == .character(" "))
        #expect(KeyDecoding.key(forCharacter: 0xE9) == .character("é"))
        #expect(KeyDecoding.key(forCharacter: 0x6F22) == .character("漢"))
        #expect(KeyDecoding.key(forCharacter: 0x1F680) == .character("🚀"))
    }

    @Test func meaninglessControlsAndNonScalarsAreDropped() {
        for value: UInt32 in [0, 28, 29, 30, 31, 0x85, 0x9B, 0xD800, 0x110000] {
            #expect(KeyDecoding.key(forCharacter: value) == nil, "value \(value)")
        }
    }
}
