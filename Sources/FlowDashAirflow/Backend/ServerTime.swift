import Foundation

/// The server's own clock, read from the `Date` header of its replies. Airflow 3.3.2 sends no
/// `updated_at` on a DAG run, only accepts it as a filter (`updated_at_gte`), so "changed since
/// the last poll" has to be measured on a clock close to the one that stamped the rows: the API
/// server's (uvicorn sends `Date` on every reply), never this machine's, which may be off by minutes.
enum ServerTime {
    /// The `Date` header as a date; nil when absent or not an IMF-fixdate.
    static func from(_ headers: [String: String]) -> Date? {
        guard let text = headers["date"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }

    /// How far back a refresh looks before the previous poll's server time. The header has 1 s
    /// resolution and uvicorn refreshes it about once a second; a scheduler transaction stamps
    /// `updated_at` when it flushes but becomes visible only when it commits, seconds later
    /// under load; and the scheduler's host clock may differ slightly from the API server's.
    /// Rows seen twice cost only bytes: the merge replaces them and their failures are cached.
    static let overlap: TimeInterval = 30

    /// A date as Airflow's query parameters take it (ISO 8601, UTC, milliseconds).
    static func queryText(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
