import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// A token that becomes invalid mid-session: revoked by `GET /api/v2/auth/logout` (Airflow
/// 3.3.2 stores its id in `revoked_token` and answers 403 "Invalid JWT token" to it after).
@Suite("Airflow live: token revoked mid-session")
struct TokenRevocationLiveTests {
    @Test func aBackendWithAPasswordSignsInAgainAndTheCallSucceeds() async throws {
        let live = try LiveEnvironment.load()
        let transport = RecordingTransport()
        let backend = AirflowBackend(configuration: AirflowConfiguration(
            baseURL: live.url, credentials: .password(username: live.user, Secret(live.password)),
            requestTimeout: .seconds(30)), transport: transport)
        _ = try await backend.activity(ActivityQuery(limit: 1))
        let first = try #require(await transport.exchanges.last?.authorization)
        try await live.revoke(String(first.dropFirst("Bearer ".count)))

        let runs = try await backend.activity(ActivityQuery(limit: 1))
        #expect(!runs.isEmpty)
        let exchanges = await transport.exchanges
        #expect(exchanges.filter { $0.route == "POST /auth/token" }.count == 2, "\(exchanges.map(\.route))")
        #expect(exchanges.contains { $0.status == 403 && $0.authorization == first }, "the revoked token was not refused")
        #expect(exchanges.last?.authorization != first)
        #expect(exchanges.last?.status == 200)
    }

    @Test func aBackendWithAFixedTokenSaysTheTokenWasRefused() async throws {
        let live = try LiveEnvironment.load()
        let token = try await live.freshToken()
        let backend = AirflowBackend(configuration: AirflowConfiguration(
            baseURL: live.url, credentials: .token(Secret(token)), requestTimeout: .seconds(30)))
        #expect(try await !backend.activity(ActivityQuery(limit: 1)).isEmpty)
        try await live.revoke(token)
        do {
            _ = try await backend.activity(ActivityQuery(limit: 1))
            Issue.record("a revoked token was accepted")
        } catch let error as AirflowError {
            #expect(error == .unauthorized(endpoint: "GET /api/v2/dags/~/dagRuns", message: "Invalid JWT token"))
            #expect(error.description.contains("unauthorized: the token was refused"), "\(error)")
            expectOneCleanLine(error.description, without: [token, live.password])
        }
    }
}
