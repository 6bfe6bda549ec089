import FlyingSocks
import Foundation
import Testing
@testable import FlowDashDemoAPI

/// Only the option is tested here: the latency it buys (no 40 ms delayed ACK per keep-alive
/// request) is a speed figure, measured by flowdash-bench's engine benchmark against this API.
@Suite("Keep-alive latency")
struct NoDelaySocketPoolTests {
    /// Records that it was asked to wait, and returns at once.
    private actor ImmediatePool: AsyncSocketPool {
        private(set) var suspensions = 0
        func prepare() async throws {}
        func run() async throws {}
        func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
            suspensions += 1
        }
    }

    @Test("every socket the pool waits on gets TCP_NODELAY, then the base pool waits")
    func setsNoDelay() async throws {
        let base = ImmediatePool()
        let pool = NoDelaySocketPool(base: base)
        let socket = try Socket(domain: AF_INET)
        defer { try? socket.close() }
        let noDelay = BoolSocketOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY)
        #expect(try socket.getValue(for: noDelay) == false)

        try await pool.suspendSocket(socket, untilReadyFor: .read)

        #expect(try socket.getValue(for: noDelay) == true)
        #expect(await base.suspensions == 1)
    }
}
