import Foundation

/// Whether a connection's credentials are known to work. Raw values are documented JSON.
public enum ConnectionStatus: String, Sendable, Codable, CaseIterable {
    case connected, unauthorized, unknown
}

/// A named connection as the connections list shows it. It never carries the secret.
public struct ConnectionInfo: Hashable, Sendable, Codable {
    public let name: String
    /// How it authenticates: `bearer`, `basic`, `apiKey`, `none`, or a backend's own word.
    public let auth: String
    public let target: String
    public let status: ConnectionStatus
    public let lastVerifiedAt: Date?
    public let lastError: String?

    public init(
        name: String, auth: String, target: String, status: ConnectionStatus,
        lastVerifiedAt: Date? = nil, lastError: String? = nil
    ) {
        self.name = name
        self.auth = auth
        self.target = target
        self.status = status
        self.lastVerifiedAt = lastVerifiedAt
        self.lastError = lastError
    }
}

/// What a verify proved.
public enum VerificationOutcome: Sendable, Hashable {
    /// The server accepted the secret; it is now stored.
    case verified
    /// The server refused it (401/403); nothing was stored.
    case rejected(StepError)
    /// No answer that proves anything (unreachable, 5xx…); nothing was stored.
    case inconclusive(StepError)

    public var isVerified: Bool { self == .verified }
}
