import FlowDashCore
import Foundation

/// Connections: their definitions from `connections.yaml`, their secrets and states from the store.
extension EmbeddedBackend {
    /// How long a verify waits for the server.
    static let verifyTimeout: TimeInterval = 10

    /// Every connection in `connections.yaml`, with what the store last learned about it.
    public func connections() async throws -> [ConnectionInfo] {
        let definitions = await loadWorkspace().connections
        let states = try Self.storing { try store.connectionStates() }
        return definitions.values.sorted { $0.name < $1.name }.map { connection in
            let state = states[connection.name]
            return ConnectionInfo(
                name: connection.name, auth: connection.auth.rawValue, target: connection.baseURL,
                status: state?.status ?? .unknown, lastVerifiedAt: state?.lastVerifiedAt, lastError: state?.lastError)
        }
    }

    /// Requests the connection's verify path with `secret`: 2xx stores it, 401/403 marks the
    /// connection unauthorized and stores nothing, anything else proves nothing.
    public func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome {
        guard let connection = await loadWorkspace().connections[name] else { throw BackendError.connectionNotFound(name) }
        var redactor = SecretRedactor(secrets: [secret])
        let prepared: PreparedRequest
        do {
            let credential = try ConnectionCredential.make(for: connection, secret: secret)
            redactor = SecretRedactor(secrets: [secret], basicCredentials: credential?.basicPair.map { [$0] } ?? [])
            let probe = StepDefinition(name: "verify", connection: name, path: connection.verifyPath, timeout: Self.verifyTimeout)
            prepared = try StepRequestBuilder.prepare(probe, through: connection, credential: credential, context: TemplateContext(inputs: [:]))
        } catch {
            return .inconclusive(redactor.redact(error.error))
        }
        switch await transport.send(prepared.urlRequest) {
        case .failed(let error):
            return .inconclusive(redactor.redact(error))
        case .response(let status, let body):
            let error = redactor.redact(StepError(httpStatus: status, message: ResponseText.failureMessage(status: status, body: body)))
            switch status {
            case 200..<300:
                try Self.storing { try store.storeVerifiedSecret(secret, for: name) }
                return .verified
            case 401, 403:
                try await Self.storing { try await store.setConnectionStatus(.unauthorized, for: name, lastError: error.message) }
                return .rejected(error)
            default:
                return .inconclusive(error)
            }
        }
    }

    /// Stores a secret without a request (demo seeding); the connection's status becomes unknown.
    public func storeSecret(_ secret: Secret, for connection: String) throws {
        try Self.storing { try store.storeSecret(secret, for: connection) }
    }
}
