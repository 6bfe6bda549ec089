import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// A planted password, token and connection secret, echoed back by every answer, must appear in
/// no error and no description.
@Suite("Secrets never show")
struct SecrecyTests {
    static let token = "eyJhbGciOiJIUzUxMiJ9.fixture-token-value"
    static let connectionSecret = Secret("conn-SECRET-9a7b")

    /// Answers every request with the secrets it could know quoted back: the sign-in's password
    /// and token everywhere, the connection secret where it was sent.
    static let echoingServer: ScriptedTransport.Responder = { request in
        let known = "\(TestServer.password.reveal()) \(token)"
        let sentSecret = String(decoding: request.body ?? Data(), as: UTF8.self).contains(connectionSecret.reveal())
        let echoed = sentSecret ? "\(known) \(connectionSecret.reveal())" : known
        switch request.route {
        case "POST /auth/token": return reply(201, AirflowFixtures.token)
        case "GET /api/v2/dags": return reply(500, #"{"detail":{"reason":"Database error","message":"\#(echoed)"}}"#)
        case "GET /api/v2/connections": return reply(403, #"{"detail":"Forbidden for \#(echoed)"}"#)
        case "GET /api/v2/connections/flowdash_http":
            return reply(200, #"{"connection_id":"flowdash_http","conn_type":"http","host":"127.0.0.1","port":8099}"#)
        case "POST /api/v2/connections/test":
            return reply(200, #"{"status":false,"message":"401:Unauthorized for \#(echoed)"}"#)
        default: return reply(422, #"{"detail":[{"loc":["body"],"msg":"bad \#(echoed)","input":"\#(echoed)"}]}"#)
        }
    }

    private func expectNoSecret(in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in [TestServer.password.reveal(), Self.token, Self.connectionSecret.reveal()] {
            #expect(!text.contains(secret), "leaked: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func errorsOfEveryKindHideEverySecret() async throws {
        let backend = TestServer.backend(ScriptedTransport(Self.echoingServer))
        var texts: [String] = []
        do { _ = try await backend.flows() } catch { texts.append("\(error)"); texts.append(String(reflecting: error)) }
        do { _ = try await backend.connections() } catch { texts.append("\(error)"); texts.append(String(reflecting: error)) }
        do { _ = try await backend.startRun(flow: "etl", inputs: [:], resubmittedFrom: nil) } catch { texts.append("\(error)") }
        let outcome = try await backend.verifyConnection("flowdash_http", secret: Self.connectionSecret)
        texts.append("\(outcome)")
        texts.append(String(reflecting: outcome))
        #expect(texts.count == 7)
        #expect(texts.allSatisfy { $0.contains("[secret]") }, "the echo is replaced, so the test saw it")
        texts.forEach { expectNoSecret(in: $0) }
    }

    @Test func aRefusedSignInDoesNotEchoThePassword() async throws {
        let transport = ScriptedTransport { _ in reply(401, #"{"detail":"Invalid credentials for \#(TestServer.password.reveal())"}"#) }
        do {
            _ = try await TestServer.backend(transport).flows()
            Issue.record("expected the sign-in to fail")
        } catch {
            expectNoSecret(in: "\(error)")
        }
    }

    @Test func credentialsAndConfigurationDescribeWithoutTheirSecrets() {
        let configuration = TestServer.configuration(credentials: .password(username: "admin", TestServer.password))
        let tokenConfiguration = TestServer.configuration(credentials: .token(Secret(Self.token)))
        for text in [String(describing: configuration), String(reflecting: configuration),
                     String(describing: tokenConfiguration), String(reflecting: tokenConfiguration.credentials)] {
            expectNoSecret(in: text)
        }
    }
}
