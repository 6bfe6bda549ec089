import Foundation
import Yams

/// A password or token read from the config file. It never shows in `description`, `dump` or
/// string interpolation, so printing a configuration cannot leak it; `reveal()` is the one way out.
public struct ConfigSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    public init(_ value: String) { self.value = value }

    public func reveal() -> String { value }
    public var description: String { "[secret]" }
    public var debugDescription: String { "[secret]" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}

/// One entry of `profiles:` in the config file: which backend, and where and how to reach it.
public struct ConfigProfile: Sendable, Equatable {
    public enum Backend: String, Sendable, CaseIterable {
        case embedded, airflow
    }

    public var backend: Backend
    /// Embedded: the workspace folder.
    public var workspace: String?
    /// Airflow: the server's root URL, and how to sign in.
    public var url: String?
    public var username: String?
    public var password: ConfigSecret?
    public var token: ConfigSecret?

    public init(
        backend: Backend, workspace: String? = nil, url: String? = nil, username: String? = nil,
        password: ConfigSecret? = nil, token: ConfigSecret? = nil
    ) {
        self.backend = backend
        self.workspace = workspace
        self.url = url
        self.username = username
        self.password = password
        self.token = token
    }

    public var holdsSecret: Bool { password != nil || token != nil }

    static let airflowKeys = ["backend", "url", "username", "password", "token"]
    static let embeddedKeys = ["backend", "workspace"]

    /// Reads one profile; problems name the file, the line and the profile.
    static func parse(_ node: Node, name: String, file: String) throws(ConfigFile.Problem) -> ConfigProfile {
        let place = "\(file)\(node.mark.map { ":\($0.line)" } ?? "")"
        guard let mapping = node.mapping else {
            throw ConfigFile.Problem(description: "\(place): profile '\(name)' must be a mapping (backend, url, username, password or token, workspace)")
        }
        var fields: [String: (value: String, line: String)] = [:]
        for (key, value) in mapping {
            let line = key.mark.map { ":\($0.line)" } ?? ""
            guard let keyName = key.string, (airflowKeys + embeddedKeys).contains(keyName) else {
                throw ConfigFile.Problem(description: "\(file)\(line): unknown setting '\(key.string ?? "")' in profile '\(name)' (expected backend, url, username, password, token, workspace)")
            }
            guard let text = value.scalar?.string, !text.isEmpty else {
                throw ConfigFile.Problem(description: "\(file)\(line): '\(keyName)' in profile '\(name)' must be a non-empty text")
            }
            fields[keyName] = (text, line)
        }
        let backend: Backend
        if let named = fields["backend"] {
            guard let known = Backend(rawValue: named.value) else {
                throw ConfigFile.Problem(description: "\(file)\(named.line): backend of profile '\(name)' must be embedded or airflow")
            }
            backend = known
        } else {
            // why: a profile with a url can only mean a server; one without, a workspace.
            backend = fields["url"] == nil ? .embedded : .airflow
        }
        let allowed = backend == .airflow ? airflowKeys : embeddedKeys
        if let stray = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw ConfigFile.Problem(description: "\(file)\(fields[stray]?.line ?? ""): '\(stray)' does not apply to the \(backend.rawValue) profile '\(name)'")
        }
        if fields["password"] != nil, fields["token"] != nil {
            throw ConfigFile.Problem(description: "\(place): profile '\(name)' has both a password and a token; keep one")
        }
        return ConfigProfile(
            backend: backend, workspace: fields["workspace"]?.value, url: fields["url"]?.value,
            username: fields["username"]?.value, password: fields["password"].map { ConfigSecret($0.value) },
            token: fields["token"].map { ConfigSecret($0.value) })
    }
}
