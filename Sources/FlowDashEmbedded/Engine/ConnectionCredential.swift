import FlowDashCore
import Foundation

/// The header a connection's auth scheme puts on each request.
struct ConnectionCredential: Sendable {
    let headerName: String
    let headerValue: String
    /// `username:secret` for basic auth, so its base64 form can be redacted too.
    let basicPair: String?

    /// Nil for `none`; throws `missing_connection` when the scheme needs a secret the store lacks.
    static func make(for connection: ConnectionDefinition, secret: Secret?) throws(StepFailure) -> ConnectionCredential? {
        if connection.auth == .none { return nil }
        guard let secret, !secret.isEmpty else {
            throw StepFailure(StepError(
                code: TransportCode.missingConnection,
                message: "connection '\(connection.name)' has no verified secret; run: flowdash connections verify \(connection.name)"))
        }
        switch connection.auth {
        case .bearer:
            return ConnectionCredential(headerName: "Authorization", headerValue: "Bearer \(secret.reveal())", basicPair: nil)
        case .basic:
            let pair = "\(connection.username ?? ""):\(secret.reveal())"
            let encoded = Data(pair.utf8).base64EncodedString()
            return ConnectionCredential(headerName: "Authorization", headerValue: "Basic \(encoded)", basicPair: pair)
        case .apiKey:
            return ConnectionCredential(headerName: connection.header, headerValue: secret.reveal(), basicPair: nil)
        case .none:
            return nil
        }
    }
}

/// A step failure carried as a typed error while a request is prepared.
struct StepFailure: Error, Sendable {
    let error: StepError
    init(_ error: StepError) { self.error = error }
}
