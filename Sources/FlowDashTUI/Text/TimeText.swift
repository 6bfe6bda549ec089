import Foundation

/// Times and durations as short text. `now` is always passed in, so the same state renders the
/// same text in tests.
enum TimeText {
    /// "3m ago", "il y a 3 min", "3 min geleden"; a time in the future (clock skew) is "just now".
    static func relative(_ date: Date, now: Date, strings: Strings) -> String {
        let seconds = Int(now.timeIntervalSince(date).rounded(.down))
        switch seconds {
        case ..<5: return strings[.timeJustNow]
        case ..<60: return strings[.timeSecondsAgo, ["count": String(seconds)]]
        case ..<3600: return strings[.timeMinutesAgo, ["count": String(seconds / 60)]]
        case ..<86_400: return strings[.timeHoursAgo, ["count": String(seconds / 3600)]]
        default: return strings[.timeDaysAgo, ["count": String(seconds / 86_400)]]
        }
    }

    /// For a list column: "3m ago 15:03:40" within a day, else just "2025-06-14 14:26" (how long
    /// ago stops mattering, and the column stays narrow).
    static func when(_ date: Date, now: Date, strings: Strings) -> String {
        guard now.timeIntervalSince(date) < 86_400 else { return clock(date, now: now) }
        return relative(date, now: now, strings: strings) + " " + clock(date, now: now)
    }

    /// `HH:mm:ss` for a time today, `yyyy-MM-dd HH:mm` otherwise, in `timeZone`.
    static func clock(_ date: Date, now: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let hour = two(parts.hour), minute = two(parts.minute)
        if calendar.isDate(date, inSameDayAs: now) {
            return "\(hour):\(minute):\(two(parts.second))"
        }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(hour):\(minute)"
    }

    /// "850ms", "4.2s", "3m05s", "2h04m".
    static func duration(_ interval: TimeInterval) -> String {
        let seconds = max(0, interval)
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 10 { return "\((seconds * 10).rounded(.down) / 10)s" }
        let whole = Int(seconds)
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(two(whole % 60))s" }
        return "\(whole / 3600)h\(two(whole / 60 % 60))m"
    }

    private static func two(_ value: Int?) -> String {
        let value = value ?? 0
        return value < 10 ? "0\(value)" : String(value)
    }
}
