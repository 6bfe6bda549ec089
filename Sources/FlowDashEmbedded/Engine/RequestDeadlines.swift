import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Cancels requests that outlive their deadline. One sweeping task serves every request: a
/// timer per request cost a thread wake-up each, and an actor two hops per request, together
/// near a tenth of the engine's time at full speed.
///
/// `@unchecked Sendable` because the compiler cannot see that every mutable property is read
/// and written only while holding `lock`; `Mutex` would say so, but needs macOS 15.
final class RequestDeadlines: @unchecked Sendable {
    /// How late past its deadline a request may be cancelled.
    static let sweepInterval: Duration = .milliseconds(20)

    private let lock = NSLock()
    private var pending: [UInt64: (deadline: ContinuousClock.Instant, task: URLSessionTask)] = [:]
    private var lastTicket: UInt64 = 0
    private var sweeping = false

    /// Cancels `task` once `seconds` have passed, unless it is forgotten first.
    func watch(_ task: URLSessionTask, for seconds: TimeInterval) -> UInt64 {
        let deadline = ContinuousClock.now + .seconds(seconds)
        let (ticket, startSweeping) = lock.withLock {
            lastTicket += 1
            pending[lastTicket] = (deadline, task)
            defer { sweeping = true }
            return (lastTicket, !sweeping)
        }
        if startSweeping {
            Task.detached { await self.sweepUntilIdle() }
        }
        return ticket
    }

    func forget(_ ticket: UInt64) {
        lock.withLock { pending[ticket] = nil }
    }

    private func sweepUntilIdle() async {
        while true {
            try? await Task.sleep(for: Self.sweepInterval)
            let now = ContinuousClock.now
            let expired: [URLSessionTask]? = lock.withLock {
                if pending.isEmpty {
                    sweeping = false
                    return nil
                }
                let overdue = pending.filter { $0.value.deadline <= now }
                for ticket in overdue.keys { pending[ticket] = nil }
                return overdue.values.map(\.task)
            }
            guard let expired else { return }
            expired.forEach { $0.cancel() }
        }
    }
}
