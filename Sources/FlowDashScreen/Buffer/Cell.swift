/// One terminal column. A wide character occupies its cell and marks the next one as its
/// continuation, which backends skip when drawing.
public struct Cell: Hashable, Sendable {
    /// One grapheme (a base character and its combining marks), or "" for a continuation.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}
