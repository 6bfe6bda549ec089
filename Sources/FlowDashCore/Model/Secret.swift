/// A credential in memory. It never prints itself, so string interpolation, logging or a
/// debugger dump cannot leak it; only a backend calls `reveal()` to put it on the wire.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    public init(_ value: String) { self.value = value }

    public func reveal() -> String { value }

    public var isEmpty: Bool { value.isEmpty }
    public var description: String { "[secret]" }
    public var debugDescription: String { "[secret]" }
}
