import FlowDashCore
import Foundation

/// Replaces every known secret, in every form it travels in, with `[redacted]`. Applied to all
/// text the engine stores or returns, because a server may echo a credential back.
struct SecretRedactor: Sendable {
    static let marker = "[redacted]"

    /// Longest first, so a secret that contains another is replaced whole.
    private let needles: [String]

    init(secrets: [Secret], basicCredentials: [String] = []) {
        var forms: Set<String> = []
        for secret in secrets where !secret.isEmpty {
            forms.insert(secret.reveal())
            // why: stored text is sanitised; a secret with control characters would survive
            // redaction in its raw form and then appear once they are stripped.
            forms.insert(TextSanitizer.clean(secret.reveal(), singleLine: false))
        }
        for credentials in basicCredentials {
            forms.insert(Data(credentials.utf8).base64EncodedString())
        }
        needles = forms.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// Every secret the store holds, with the basic-auth forms of the connections that use one.
    // why: all of them, not one flow's: a server may echo any credential back.
    init(states: [String: ConnectionState], connections: [String: ConnectionDefinition]) {
        let secrets = states.compactMapValues(\.secret)
        let basicPairs = connections.values.compactMap { connection -> String? in
            guard connection.auth == .basic, let secret = secrets[connection.name] else { return nil }
            return "\(connection.username ?? ""):\(secret.reveal())"
        }
        self.init(secrets: Array(secrets.values), basicCredentials: basicPairs)
    }

    func redact(_ text: String) -> String {
        needles.reduce(text) { partial, needle in
            partial.contains(needle) ? partial.replacingOccurrences(of: needle, with: Self.marker) : partial
        }
    }

    func redact(_ error: StepError) -> StepError {
        StepError(code: error.code, message: redact(error.message))
    }
}
