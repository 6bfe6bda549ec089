import FlyingFox
// FlyingSocks ships inside the FlyingFox package; it is imported for the IPv4 loopback
// address type, since `HTTPServer(port:)` would listen on every interface.
import FlyingSocks
import Foundation

/// Why the demo API could not start.
public enum DemoAPIServerError: Error, Equatable {
    /// `start()` was called while the server was already running.
    case alreadyRunning
    /// The server stopped, or never reported a bound IPv4 port, before it was listening.
    case notListening
}

/// A local HTTP API that fails in each way the operator's troubleshooting loop covers.
public actor DemoAPIServer {
    private let requestedPort: UInt16
    private var server: HTTPServer?
    private var serveTask: Task<Void, Never>?
    private var boundPort: UInt16?

    /// A server for `port` on 127.0.0.1; 0 picks any free port at start.
    public init(port: UInt16 = 0) {
        self.requestedPort = port
    }

    /// "http://127.0.0.1:<port>", with the bound port once started.
    public var baseURL: String {
        "http://127.0.0.1:\(boundPort ?? requestedPort)"
    }

    /// Binds 127.0.0.1 only, starts serving in a background task, waits until listening,
    /// returns the bound port.
    public func start() async throws -> UInt16 {
        guard server == nil else { throw DemoAPIServerError.alreadyRunning }
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: requestedPort)
        let config = HTTPServer.Configuration(
            address: address,
            // The handler timeout: above /v1/slow's 30 s cap so slow requests finish.
            timeout: 60,
            pool: NoDelaySocketPool(base: HTTPServer.defaultPool()),
            // No per-request logging: the benchmark measures the engine, not our prints.
            logger: .disabled
        )
        // Fresh state per start, so every demo sees the same first failures.
        let server = HTTPServer(config: config, handler: DemoRouter(state: DemoAPIState()))
        self.server = server
        do {
            serveTask = try await Self.serveUntilListening(server)
            guard case .ip4(_, let port)? = await server.listeningAddress else {
                throw DemoAPIServerError.notListening
            }
            boundPort = port
            return port
        } catch {
            await stop()
            throw error
        }
    }

    /// Stops listening and closes open connections; a later `start()` begins afresh.
    public func stop() async {
        let server = self.server
        let serveTask = self.serveTask
        self.server = nil
        self.serveTask = nil
        boundPort = nil
        await server?.stop(timeout: 0)
        serveTask?.cancel()
    }

    /// Runs `server` in a background task and returns it once listening. Waiting alone is not
    /// enough: if binding fails, `run()` throws and FlyingFox's `waitUntilListening` would only
    /// give up at its timeout, so whichever of the two happens first decides.
    private static func serveUntilListening(_ server: HTTPServer) async throws -> Task<Void, Never> {
        let (outcomes, outcome) = AsyncStream.makeStream(of: Result<Void, any Error>.self)
        let serveTask = Task {
            do {
                try await server.run()
                outcome.yield(.failure(DemoAPIServerError.notListening))
            } catch {
                outcome.yield(.failure(error))
            }
        }
        let listeningTask = Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                outcome.yield(.success(()))
            } catch {
                outcome.yield(.failure(error))
            }
        }
        defer { listeningTask.cancel() }
        for await first in outcomes {
            outcome.finish()
            try first.get()
            return serveTask
        }
        throw DemoAPIServerError.notListening
    }
}
