import FlowDashConfig
import FlowDashCore
import Foundation

/// What the command line said about the backend.
struct BackendFlags: Equatable, Sendable {
    var backend: BackendKind?
    var url: String?
    var profile: String?
    var workspace: String?
}

/// A backend that cannot be chosen as asked. Messages never hold a secret.
struct BackendSelectionError: Error, Equatable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Weighs flags, then the environment, then the profile, into one `BackendPlan`. Pure: the
/// environment and the config file come in as values, so every precedence rule is testable.
struct BackendResolver {
    enum Variable {
        static let url = "FLOWDASH_AIRFLOW_URL"
        static let user = "FLOWDASH_AIRFLOW_USER"
        static let password = "FLOWDASH_AIRFLOW_PASSWORD"
        static let token = "FLOWDASH_AIRFLOW_TOKEN"
        static let workspace = "FLOWDASH_WORKSPACE"
    }

    let environment: [String: String]
    let config: ConfigFile
    /// The config file's path, for messages.
    let configPath: String
    /// The workspace used when nothing names one.
    let defaultWorkspace: URL

    func resolve(_ flags: BackendFlags) throws(BackendSelectionError) -> BackendPlan {
        let profileName = flags.profile ?? config.profile
        let profile = try profileName.map { name throws(BackendSelectionError) in try self.profile(named: name) }
        let explicitProfile = flags.profile == nil ? nil : profile
        switch try kind(flags, explicitProfile: explicitProfile, defaultProfile: profile) {
        case .embedded:
            return .embedded(embedded(flags, profile: profile?.backend == .embedded ? profile : nil))
        case .airflow:
            return .airflow(try airflow(flags, profile: profile?.backend == .airflow ? profile : nil, profileName: profileName))
        }
    }

    // MARK: Which backend

    private func kind(
        _ flags: BackendFlags, explicitProfile: ConfigProfile?, defaultProfile: ConfigProfile?
    ) throws(BackendSelectionError) -> BackendKind {
        if flags.url != nil, flags.workspace != nil {
            throw BackendSelectionError("--url names an Airflow server and --workspace an embedded workspace; give one")
        }
        if let chosen = flags.backend {
            if chosen == .embedded, flags.url != nil {
                throw BackendSelectionError("--url is for --backend airflow; the embedded engine takes --workspace")
            }
            if chosen == .airflow, flags.workspace != nil {
                throw BackendSelectionError("--workspace is for the embedded engine; --backend airflow takes --url")
            }
            return chosen
        }
        if flags.url != nil { return .airflow }
        if flags.workspace != nil { return .embedded }
        if let explicitProfile { return BackendKind(explicitProfile.backend) }
        switch (value(Variable.url) != nil, value(Variable.workspace) != nil) {
        case (true, true):
            throw BackendSelectionError("both \(Variable.url) and \(Variable.workspace) are set; choose with --backend airflow or --backend embedded")
        case (true, false): return .airflow
        case (false, true): return .embedded
        case (false, false): break
        }
        if let defaultProfile { return BackendKind(defaultProfile.backend) }
        return .embedded
    }

    private func profile(named name: String) throws(BackendSelectionError) -> ConfigProfile {
        if let profile = config.profiles[name] { return profile }
        let known = config.profiles.keys.sorted()
        let list = known.isEmpty ? "\(configPath) defines no profiles" : "known profiles: \(known.joined(separator: ", "))"
        throw BackendSelectionError("no profile named '\(name)'; \(list)")
    }

    // MARK: Embedded

    private func embedded(_ flags: BackendFlags, profile: ConfigProfile?) -> EmbeddedPlan {
        let named = flags.workspace ?? value(Variable.workspace) ?? profile?.workspace ?? nonEmpty(config.workspace)
        guard let named else { return EmbeddedPlan(root: defaultWorkspace, named: false) }
        // why: a path in the config file gets no shell to expand `~`.
        let expanded = (named as NSString).expandingTildeInPath
        return EmbeddedPlan(root: URL(fileURLWithPath: expanded, isDirectory: true).standardizedFileURL, named: true)
    }

    // MARK: Airflow

    private func airflow(
        _ flags: BackendFlags, profile: ConfigProfile?, profileName: String?
    ) throws(BackendSelectionError) -> AirflowPlan {
        let candidates: [(String?, SettingSource)] = [
            (flags.url, .flag), (value(Variable.url), .environment), (profile?.url, .profile),
        ]
        guard let (text, source) = candidates.lazy.compactMap({ url, source in url.map { ($0, source) } }).first else {
            throw BackendSelectionError("no Airflow URL: give --url, set \(Variable.url), or use a profile with url: in \(configPath)")
        }
        let url = try AirflowURL.validated(text)
        // why: a profile's sign-in is meant for its own server; sending it to a URL from the
        // command line or the environment could hand a production password to any host.
        let profileSignIn = profile.flatMap { profile in
            source == .profile || profile.url.flatMap({ try? AirflowURL.validated($0) }) == url ? profile : nil
        }
        let environmentPassword = value(Variable.password).map(Secret.init)
        let environmentToken = value(Variable.token).map(Secret.init)
        if environmentPassword != nil, environmentToken != nil {
            throw BackendSelectionError("both \(Variable.password) and \(Variable.token) are set; unset one")
        }
        let password: Secret?
        let token: Secret?
        if environmentPassword != nil || environmentToken != nil {
            (password, token) = (environmentPassword, environmentToken)
        } else {
            password = profileSignIn?.password.map { Secret($0.reveal()) }
            token = profileSignIn?.token.map { Secret($0.reveal()) }
        }
        return AirflowPlan(
            url: url, urlSource: source, username: value(Variable.user) ?? profileSignIn?.username,
            password: password, token: token, profile: profileSignIn == nil ? nil : profileName)
    }

    private func value(_ variable: String) -> String? { nonEmpty(environment[variable]) }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

private extension BackendKind {
    init(_ backend: ConfigProfile.Backend) {
        switch backend {
        case .embedded: self = .embedded
        case .airflow: self = .airflow
        }
    }
}
