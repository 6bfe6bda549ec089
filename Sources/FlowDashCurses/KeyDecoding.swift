import CNcursesw
import FlowDashScreen

/// Turns what `wget_wch` returned into a `Key`: a curses key code (`KEY_CODE_YES`) or a
/// character. Pure, so the tables are tested without a terminal.
enum KeyDecoding {
    /// The key for a curses key code (`wget_wch` returned `KEY_CODE_YES`), or nil for codes the
    /// interface has no use for (mouse and resize are handled before this).
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// The key for a character code (`wget_wch` returned `OK`); nil for control codes with no
    /// meaning here (NUL, Ctrl-\ ] ^ _, C1 controls) and for values that are not Unicode.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter  // with nonl(), Enter arrives as 13
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace  // terminals send either for the Backspace key
        case 1...26:
            guard let letter = Unicode.Scalar(value + 96) else { return nil }
            return .control(Character(letter))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
