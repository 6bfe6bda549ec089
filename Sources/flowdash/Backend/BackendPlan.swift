import FlowDashCore
import Foundation

/// Which engine a command talks to.
enum BackendKind: String, CaseIterable, Sendable {
    case embedded, airflow
}

/// The backend a command will use once flags, environment and config file are weighed, before
/// anything is opened or sent.
enum BackendPlan: Equatable, Sendable {
    case embedded(EmbeddedPlan)
    case airflow(AirflowPlan)

    var kind: BackendKind {
        switch self {
        case .embedded: .embedded
        case .airflow: .airflow
        }
    }
}

struct EmbeddedPlan: Equatable, Sendable {
    let root: URL
    /// Someone named the folder (flag, environment, config file or profile); only the default
    /// one is created on first use, so a mistyped path is an error, not a new empty workspace.
    let named: Bool
}

/// Where a setting came from, strongest first; messages use it to say what to change.
enum SettingSource: Int, Comparable, Sendable {
    case flag = 3, environment = 2, profile = 1

    static func < (lhs: SettingSource, rhs: SettingSource) -> Bool { lhs.rawValue < rhs.rawValue }
}

struct AirflowPlan: Equatable, Sendable {
    let url: URL
    /// Where the URL came from.
    let urlSource: SettingSource
    let username: String?
    /// At most one of the two: a password (exchanged for renewed tokens) or a ready token.
    let password: Secret?
    let token: Secret?
    /// The profile in use, for messages.
    let profile: String?

    /// Every secret the plan holds, so that a last-resort scrub can remove them from output.
    var secrets: [Secret] { [password, token].compactMap { $0 } }
}
