/// Input from the terminal, decoded by the backend, independent of curses.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal changed size; the new size in columns and rows.
    case resize(width: Int, height: Int)
}

public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lowercased: Ctrl-C is `.control("c")`.
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press, release, doubleClick, wheelUp, wheelDown
    }

    public let kind: Kind
    public let x: Int
    public let y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
