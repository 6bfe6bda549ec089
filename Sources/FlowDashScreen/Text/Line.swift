/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One row of styled spans.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]

    public init(_ spans: [Span]) { self.spans = spans }
    public init(_ text: String, style: Style = .plain) { spans = [Span(text, style: style)] }
    public init(stringLiteral value: String) { spans = [Span(value)] }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}

extension ScreenBuffer {
    /// Writes a styled line from (x, y), at most `maxWidth` columns; returns the columns used.
    @discardableResult
    public mutating func write(_ line: Line, x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth ?? (width - x)
        var used = 0
        for span in line.spans where used < limit {
            used += write(span.text, x: x + used, y: y, style: span.style, maxWidth: limit - used)
        }
        return used
    }
}
