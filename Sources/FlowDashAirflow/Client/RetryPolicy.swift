import Foundation

/// When a busy answer is worth asking again: only reads (a GET changes nothing, so a second one
/// cannot double an effect), only 429/503 with a `Retry-After` short enough to sit out without
/// the interface seeming stuck, and at most twice. Anything else goes to the caller as
/// `AirflowError.unavailable`, which says how long to wait.
enum RetryPolicy {
    static let maximumRetries = 2
    static let longestWait: Duration = .seconds(5)

    /// The wait before retry number `retry` (1-based), or nil when the reply is final.
    static func wait(before retry: Int, of request: AirflowRequest, after reply: HTTPReply) -> Duration? {
        guard retry <= maximumRetries, request.method == .get, reply.status == 429 || reply.status == 503,
              let wait = RetryAfter.wait(from: reply.headers["retry-after"], now: .now), wait <= longestWait
        else { return nil }
        return wait
    }
}
