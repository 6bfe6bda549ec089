import Foundation
import Testing
@testable import FlowDashDemoAPI

@Suite("Demo API server lifecycle and routing")
struct DemoAPIServerTests {
    @Test("start binds a free loopback port and baseURL names it")
    func startReportsBoundPort() async throws {
        let server = DemoAPIServer()
        let port = try await server.start()
        let baseURL = await server.baseURL
        await server.stop()

        #expect(port != 0)
        #expect(baseURL == "http://127.0.0.1:\(port)")
    }

    @Test("health answers ok without credentials")
    func health() async throws {
        try await withDemoServer { baseURL in
            let response = try await DemoHTTP.send("GET", "\(baseURL)/v1/health")
            #expect(response.status == 200)
            #expect(response.json["status"] as? String == "ok")
            #expect(response.header("Content-Type") == "application/json")
        }
    }

    @Test("every unknown route, including the /v1/invoice typo, is a JSON 404 naming it")
    func unknownRoutes() async throws {
        try await withDemoServer { baseURL in
            let typo = try await DemoHTTP.send("POST", "\(baseURL)/v1/invoice", body: "{}")
            #expect(typo.status == 404)
            #expect(typo.json["error"] as? String == "Not Found")
            #expect(typo.json["message"] as? String == "no route for POST /v1/invoice")

            let wrongMethod = try await DemoHTTP.send("DELETE", "\(baseURL)/v1/health")
            #expect(wrongMethod.status == 404)
            #expect(wrongMethod.json["message"] as? String == "no route for DELETE /v1/health")

            let unknown = try await DemoHTTP.send("GET", "\(baseURL)/nowhere/at/all")
            #expect(unknown.json["message"] as? String == "no route for GET /nowhere/at/all")
        }
    }

    @Test("a second start while running is refused")
    func doubleStart() async throws {
        let server = DemoAPIServer()
        _ = try await server.start()
        await #expect(throws: DemoAPIServerError.alreadyRunning) {
            _ = try await server.start()
        }
        await server.stop()
    }

    @Test("a port already in use fails start promptly instead of hanging")
    func portInUse() async throws {
        let first = DemoAPIServer()
        let port = try await first.start()
        let second = DemoAPIServer(port: port)
        let began = ContinuousClock.now
        await #expect(throws: (any Error).self) {
            _ = try await second.start()
        }
        #expect(ContinuousClock.now - began < .seconds(5))
        await first.stop()
    }

    @Test("after stop the port refuses connections")
    func stopCloses() async throws {
        let server = DemoAPIServer()
        _ = try await server.start()
        let baseURL = await server.baseURL
        await server.stop()

        await #expect(throws: (any Error).self) {
            _ = try await DemoHTTP.send("GET", "\(baseURL)/v1/health")
        }
    }

    @Test("a restart forgets which report dates were seen")
    func restartResetsState() async throws {
        let server = DemoAPIServer()
        _ = try await server.start()
        let firstURL = await server.baseURL
        let first = try await DemoHTTP.send("GET", "\(firstURL)/v1/reports/2026-01-01")
        let second = try await DemoHTTP.send("GET", "\(firstURL)/v1/reports/2026-01-01")
        await server.stop()

        _ = try await server.start()
        let restartedURL = await server.baseURL
        let afterRestart = try await DemoHTTP.send("GET", "\(restartedURL)/v1/reports/2026-01-01")
        await server.stop()

        let statuses: [Int] = [first.status, second.status, afterRestart.status]
        #expect(statuses == [502, 200, 502])
    }
}
