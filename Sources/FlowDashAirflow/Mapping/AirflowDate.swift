import Foundation

/// Airflow's timestamps: ISO 8601, usually UTC with `Z` and microseconds
/// (`2026-11-25T07:31:52.122756Z`), sometimes with `+00:00` or without fractional seconds.
enum AirflowDate {
    static func parse(_ text: String) -> Date? {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? withFraction.parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
