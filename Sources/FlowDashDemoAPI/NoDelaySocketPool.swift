import FlyingSocks
import Foundation

/// FlyingFox's socket pool, with Nagle's algorithm turned off on every socket it waits on.
///
/// FlyingFox writes a response's header and body in two writes; with Nagle on, the body waits
/// for the client's delayed ACK of the header, so every keep-alive request took ~40 ms (22 req/s).
/// The listening socket is the first one the pool waits on, and accepted sockets inherit
/// TCP_NODELAY from it; setting it again on each wait covers platforms that do not inherit.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    private static var noDelay: BoolSocketOption {
        BoolSocketOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY)
    }

    let base: Base

    func prepare() async throws {
        try await base.prepare()
    }

    func run() async throws {
        try await base.run()
    }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        // Best effort: a failure only costs latency, never correctness.
        try? socket.setValue(true, for: Self.noDelay)
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
