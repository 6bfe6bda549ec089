import Foundation
import Yams

/// `$XDG_CONFIG_HOME/flowdash/config.yaml`: defaults the command line can override.
public struct ConfigFile: Sendable, Equatable {
    public var theme: String?
    public var language: String?
    public var readOnly: Bool?
    public var workspace: String?
    /// The profile used when the command line names none.
    public var profile: String?
    /// Named backends: `flowdash --profile NAME`.
    public var profiles: [String: ConfigProfile]
    /// How `flowdash watch` sends repair-tips emails (NotifyConfig.swift).
    public var notify: NotifyConfig?

    public init(
        theme: String? = nil, language: String? = nil, readOnly: Bool? = nil, workspace: String? = nil,
        profile: String? = nil, profiles: [String: ConfigProfile] = [:], notify: NotifyConfig? = nil
    ) {
        self.theme = theme
        self.language = language
        self.readOnly = readOnly
        self.workspace = workspace
        self.profile = profile
        self.profiles = profiles
        self.notify = notify
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Whether any profile or the mail settings hold a password or token, which makes the
    /// file's permissions matter.
    public var holdsSecret: Bool { profiles.values.contains { $0.holdsSecret } || notify?.holdsSecret == true }

    /// A missing file is an empty configuration; a broken one is an error naming file and line.
    /// A file holding a secret that group or others may read is refused (never its contents).
    public static func load(_ url: URL) throws(Problem) -> ConfigFile {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ConfigFile() }
        let config = try parse(text, file: url.path)
        if config.holdsSecret, let mode = permissions(of: url), mode & 0o077 != 0 {
            throw Problem(description: "\(url.path) holds a password or token and other users can read it "
                + "(mode \(String(mode & 0o777, radix: 8))); run: chmod 600 \(url.path)")
        }
        return config
    }

    static func parse(_ text: String, file: String) throws(Problem) -> ConfigFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            // why: Yams quotes the offending line, which may hold a password.
            throw Problem(description: "\(file): not valid YAML\(Self.line(of: error))")
        }
        guard let root else { return ConfigFile() }
        guard let mapping = root.mapping else { throw Problem(description: "\(file): expected a mapping of settings") }
        var config = ConfigFile()
        for (key, value) in mapping {
            let line = key.mark.map { ":\($0.line)" } ?? ""
            switch key.string {
            case "theme": config.theme = value.string
            case "language": config.language = value.string
            case "workspace": config.workspace = value.string
            case "profile": config.profile = value.string
            case "readOnly":
                guard let flag = value.bool else { throw Problem(description: "\(file)\(line): readOnly must be true or false") }
                config.readOnly = flag
            case "profiles":
                guard let entries = value.mapping else {
                    throw Problem(description: "\(file)\(line): profiles must map each name to its settings")
                }
                for (name, profile) in entries {
                    guard let profileName = name.string, !profileName.isEmpty else {
                        throw Problem(description: "\(file)\(name.mark.map { ":\($0.line)" } ?? ""): a profile needs a name")
                    }
                    config.profiles[profileName] = try ConfigProfile.parse(profile, name: profileName, file: file)
                }
            case "notify": config.notify = try NotifyConfig.parse(value, file: file)
            default:
                throw Problem(description: "\(file)\(line): unknown setting '\(key.string ?? "")' (expected theme, language, readOnly, workspace, profile, profiles, notify)")
            }
        }
        return config
    }

    private static func permissions(of url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int
    }

    /// ` at line N: problem` from a Yams error, without the text it quotes.
    private static func line(of error: any Error) -> String {
        guard let yaml = error as? YamlError else { return "" }
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return " at line \(mark.line): \(problem)"
        default:
            return ""
        }
    }
}
