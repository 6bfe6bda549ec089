import Foundation
import Testing
@testable import FlowDashTUI

struct TimeTextTests {
    /// The arithmetic clock must agree with Foundation's calendar, across zones, DST and eras.
    @Test(arguments: ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"])
    func clockAgreesWithTheCalendar(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let samples: [TimeInterval] = [-2_000_000_000, -1, 0, 951_782_400, 1_711_846_800, 1_794_990_000, 1_795_000_000]
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let hhmm = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
            let expected = calendar.isDate(date, inSameDayAs: now)
                ? hhmm + String(format: ":%02d", parts.second ?? 0)
                : String(format: "%d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) + hhmm
            #expect(TimeText.clock(date, now: now, timeZone: timeZone) == expected, "\(seconds) in \(zone)")
        }
    }
}
