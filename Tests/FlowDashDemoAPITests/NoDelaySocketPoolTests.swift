import FlyingSocks
import Foundation
import Testing
@testable import FlowDashDemoAPI

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

    @Test("keep-alive echo requests do not wait on delayed ACKs")
    func keepAliveIsFast() async throws {
        // With Nagle on, each request on a reused connection took ~40 ms (the delayed ACK); with
        // it off, about 1 ms. The median is compared, so a busy CI machine's stray slow request
        // cannot fail the test while a 40 ms floor still would.
        try await withDemoServer { baseURL in
            var durations: [Duration] = []
            for index in 0..<60 {
                let began = ContinuousClock.now
                let response = try await DemoHTTP.send("GET", "\(baseURL)/v1/echo?n=\(index)")
                durations.append(ContinuousClock.now - began)
                #expect(response.status == 200)
            }
            let median = durations.sorted()[durations.count / 2]
            #expect(median < .milliseconds(25), "median \(median)")
        }
    }
}
