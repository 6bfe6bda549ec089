import Foundation

/// Reads a `Retry-After` header: delay seconds (`120`) or an HTTP date.
enum RetryAfter {
    /// The wait it asks for; nil when absent or unreadable. A date in the past means no wait.
    static func wait(from header: String?, now: Date) -> Duration? {
        guard let value = header?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return .seconds(max(seconds, 0)) }
        guard let date = httpDate(value) else { return nil }
        return .seconds(max(Int(date.timeIntervalSince(now).rounded(.up)), 0))
    }

    /// IMF-fixdate, the only form servers are allowed to send (`Wed, 25 Nov 2026 08:00:00 GMT`).
    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
