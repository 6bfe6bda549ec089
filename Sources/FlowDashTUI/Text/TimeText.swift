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
    /// why: plain arithmetic on the zone's offset instead of `Calendar`, which cost about 10 µs a
    /// call and made the 200×60 activity frame miss its 1 ms budget.
    static func clock(_ date: Date, now: Date, timeZone: TimeZone = .current) -> String {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        let localNow = now.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: now))
        let day = Int((local / 86_400).rounded(.down))
        let secondOfDay = Int(local.rounded(.down)) - day * 86_400
        let hour = two(secondOfDay / 3600), minute = two(secondOfDay / 60 % 60)
        if day == Int((localNow / 86_400).rounded(.down)) {
            return "\(hour):\(minute):\(two(secondOfDay % 60))"
        }
        let (year, month, dayOfMonth) = civilDate(daysSinceEpoch: day)
        return "\(year)-\(two(month))-\(two(dayOfMonth)) \(hour):\(minute)"
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
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
