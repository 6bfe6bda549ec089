import FlowDashCore
import Synchronization

/// The last guard between a secret and the terminal: the secrets this process was given
/// (environment, config file, prompt) are removed from any error message before it is printed.
/// Backends already scrub what they raise; this catches whatever they missed.
final class OutputScrubber: Sendable {
    static let shared = OutputScrubber()

    private let secrets = Mutex<[String]>([])

    func hide(_ more: [Secret]) {
        // why: a one- or two-character secret would blank out ordinary words, as in the backend.
        let texts = more.map { $0.reveal() }.filter { $0.count >= 3 }
        secrets.withLock { $0 += texts }
    }

    func scrub(_ text: String) -> String {
        secrets.withLock { secrets in
            secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "[secret]") }
        }
    }
}
