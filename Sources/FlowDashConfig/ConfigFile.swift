import Foundation
import Yams

/// `$XDG_CONFIG_HOME/flowdash/config.yaml`: defaults the command line can override.
public struct ConfigFile: Sendable, Equatable {
    public var theme: String?
    public var language: String?
    public var readOnly: Bool?
    public var workspace: String?

    public init(theme: String? = nil, language: String? = nil, readOnly: Bool? = nil, workspace: String? = nil) {
        self.theme = theme
        self.language = language
        self.readOnly = readOnly
        self.workspace = workspace
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// A missing file is an empty configuration; a broken one is an error naming file and line.
    public static func load(_ url: URL) throws(Problem) -> ConfigFile {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ConfigFile() }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw Problem(description: "\(url.path): not valid YAML: \(error)")
        }
        guard let root else { return ConfigFile() }
        guard let mapping = root.mapping else { throw Problem(description: "\(url.path): expected a mapping of settings") }
        var config = ConfigFile()
        for (key, value) in mapping {
            let line = key.mark.map { ":\($0.line)" } ?? ""
            switch key.string {
            case "theme": config.theme = value.string
            case "language": config.language = value.string
            case "workspace": config.workspace = value.string
            case "readOnly":
                guard let flag = value.bool else { throw Problem(description: "\(url.path)\(line): readOnly must be true or false") }
                config.readOnly = flag
            default:
                throw Problem(description: "\(url.path)\(line): unknown setting '\(key.string ?? "")' (expected theme, language, readOnly, workspace)")
            }
        }
        return config
    }
}
