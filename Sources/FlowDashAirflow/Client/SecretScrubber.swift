import FlowDashCore

/// Removes known secrets from text before it goes into an error or a log line. Airflow masks
/// passwords itself, but an error may still echo what was sent, so FlowDash does not rely on it.
struct SecretScrubber: Sendable {
    private let secrets: [Secret]

    init(_ secrets: [Secret]) {
        // why: a one- or two-character secret would blank out ordinary words; such a secret
        // is not worth hiding and would make every message unreadable.
        self.secrets = secrets.filter { $0.reveal().count >= 3 }
    }

    func scrub(_ text: String) -> String {
        secrets.reduce(text) { text, secret in
            text.replacingOccurrences(of: secret.reveal(), with: "[secret]")
        }
    }

    /// The same scrubber that also knows `more`.
    func adding(_ more: [Secret]) -> SecretScrubber {
        SecretScrubber(secrets + more)
    }
}
