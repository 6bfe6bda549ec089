import Foundation
import Testing
@testable import flowdash

/// `--failed-since`: an ISO 8601 moment or a time ago.
struct PastMomentTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test(arguments: [("45s", 45.0), ("30m", 1_800.0), ("2h", 7_200.0), ("1d", 86_400.0), ("0m", 0.0), ("90M", 5_400.0)])
    func aTimeAgoCountsBackFromNow(text: String, seconds: TimeInterval) throws {
        #expect(try PastMoment.parse(text, now: now) == now.addingTimeInterval(-seconds))
    }

    @Test func anISOMomentIsTakenAsIs() throws {
        let utc = try PastMoment.parse("2026-11-25T10:00:00Z", now: now)
        #expect(utc == Date(timeIntervalSince1970: 1_795_600_800))
        #expect(try PastMoment.parse("2026-11-25T11:00:00+01:00", now: now) == utc)
        #expect(try PastMoment.parse("2026-11-25T10:00:00.500Z", now: now) == utc.addingTimeInterval(0.5))
    }

    @Test(arguments: ["", "m", "30", "30w", "-5m", "1.5h", "yesterday", "2026-11-25", "9999999d", "３0m"])
    func anythingElseIsRefusedWithTheAcceptedForms(text: String) {
        #expect {
            try PastMoment.parse(text, now: now)
        } throws: { error in
            let message = String(describing: error)
            return message.contains("ISO 8601") && message.contains("30m")
        }
    }
}
