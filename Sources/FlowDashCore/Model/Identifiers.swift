/// Identifies one run on its backend. Embedded runs use their row number; other backends may
/// use any stable text, so the id is a string everywhere above the backend.
public struct RunID: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: RunID, rhs: RunID) -> Bool {
        // why: numeric ids must sort 9 < 10, text ids lexically.
        if let left = Int64(lhs.rawValue), let right = Int64(rhs.rawValue) { return left < right }
        return lhs.rawValue < rhs.rawValue
    }
}
