import FlowDashCore
import Foundation
@testable import FlowDashAirflow

/// Decodes a fixture as the client would decode that endpoint's answer.
func decode<Value: Decodable>(_ type: Value.Type, _ json: String, endpoint: String = "GET /test") throws -> Value {
    try ResponseDecoder.decode(type, from: Data(json.utf8), endpoint: endpoint)
}

/// A date from its ISO 8601 text, for expectations.
func date(_ text: String) -> Date? { AirflowDate.parse(text) }

enum TestServer {
    static let baseURL = URL(string: "http://127.0.0.1:8080")!
    /// Planted in every test configuration; no error or description may ever show it.
    static let password = Secret("planted-PASSWORD-5f1c")

    static func configuration(
        credentials: AirflowCredentials = .password(username: "admin", password), pageSize: Int = 100
    ) -> AirflowConfiguration {
        AirflowConfiguration(baseURL: baseURL, credentials: credentials, requestTimeout: .seconds(30), pageSize: pageSize)
    }

    static func client(_ transport: ScriptedTransport, credentials: AirflowCredentials = .password(username: "admin", password)) -> AirflowClient {
        // why: retries of busy answers would really wait; the retry rules are tested, not the clock.
        AirflowClient(configuration: configuration(credentials: credentials), transport: transport, pause: { _ in })
    }

    static func backend(
        _ transport: ScriptedTransport, pageSize: Int = 100, fileExists: @escaping @Sendable (String) -> Bool = { _ in false }
    ) -> AirflowBackend {
        AirflowBackend(configuration: configuration(pageSize: pageSize), transport: transport, fileExists: fileExists)
    }
}
