import Foundation

/// A moment given on the command line (`--failed-since`): an ISO 8601 date and time
/// (`2026-11-25T10:00:00Z`, `2026-11-25T11:00:00+01:00`) or a time ago (`45s`, `30m`, `2h`, `1d`).
enum PastMoment {
    struct Invalid: Error, CustomStringConvertible {
        let text: String
        var description: String {
            "'\(text)' is not a time: give an ISO 8601 date and time (2026-11-25T10:00:00Z) or a time ago (30m, 2h, 1d)"
        }
    }

    private static let secondsPerUnit: [Character: Int] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]

    static func parse(_ text: String, now: Date) throws(Invalid) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let ago = timeAgo(trimmed) { return now.addingTimeInterval(-ago) }
        if let date = isoDate(trimmed) { return date }
        throw Invalid(text: text)
    }

    /// `30m` → 1800 seconds; nil unless digits followed by one unit letter.
    private static func timeAgo(_ text: String) -> TimeInterval? {
        guard let unit = text.last.flatMap({ secondsPerUnit[Character($0.lowercased())] }) else { return nil }
        let digits = text.dropLast()
        // why: at most 6 digits (over 2700 years of days) so the multiplication cannot overflow.
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              let amount = Int(digits) else { return nil }
        return TimeInterval(amount * unit)
    }

    private static func isoDate(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
