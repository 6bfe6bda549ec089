import FlowDashScreen
import FlowDashTUI
import Foundation
import Yams

/// Reads a theme YAML file (see Themes/README.md): a base theme and the roles it overrides.
public enum ThemeFile {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int?
        public let message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    public static func load(_ url: URL) throws(Problem) -> Theme {
        let name = url.deletingPathExtension().lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw Problem(file: url.path, line: nil, message: "cannot read the theme: \(error.localizedDescription)")
        }
        return try parse(text, name: name, file: url.path)
    }

    public static func parse(_ text: String, name: String, file: String) throws(Problem) -> Theme {
        func problem(_ message: String, _ node: Node?) -> Problem {
            Problem(file: file, line: node?.mark.map { $0.line }, message: message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw Problem(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        guard let mapping = root?.mapping else { throw problem("a theme is a mapping with `base` and `styles`", root) }
        var theme = Theme.defaultDark
        var overrides: [StyleRole: Style] = [:]
        for (key, value) in mapping {
            switch key.string {
            case "base":
                switch value.string {
                case "dark": theme = .defaultDark
                case "monochrome": theme = .monochrome
                default: throw problem("base must be dark or monochrome", value)
                }
            case "styles":
                guard let styles = value.mapping else { throw problem("styles must map roles to styles", value) }
                for (roleNode, styleNode) in styles {
                    guard let role = roleNode.string.flatMap(StyleRole.init(rawValue:)) else {
                        throw problem("unknown role '\(roleNode.string ?? "")' (known: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))", roleNode)
                    }
                    overrides[role] = try style(from: styleNode, problem: problem)
                }
            case "description": continue
            default:
                throw problem("unknown key '\(key.string ?? "")' (expected base, description, styles)", key)
            }
        }
        var result = theme.overriding(overrides)
        result.name = name
        return result
    }

    private static func style(from node: Node, problem: (String, Node?) -> Problem) throws(Problem) -> Style {
        guard let mapping = node.mapping else { throw problem("a style is a mapping (fg, bg, bold, dim, underline, reverse)", node) }
        var style = Style()
        for (key, value) in mapping {
            switch key.string {
            case "fg": style.foreground = try color(value, problem: problem)
            case "bg": style.background = try color(value, problem: problem)
            case "bold": style.bold = try flag(value, problem: problem)
            case "dim": style.dim = try flag(value, problem: problem)
            case "underline": style.underline = try flag(value, problem: problem)
            case "reverse": style.reverse = try flag(value, problem: problem)
            default: throw problem("unknown style key '\(key.string ?? "")' (expected fg, bg, bold, dim, underline, reverse)", key)
            }
        }
        return style
    }

    private static func flag(_ node: Node, problem: (String, Node?) -> Problem) throws(Problem) -> Bool {
        guard let value = node.bool else { throw problem("expected true or false", node) }
        return value
    }

    static let namedColors: [String: Color] = [
        "black": .black, "red": .red, "green": .green, "yellow": .yellow, "blue": .blue,
        "magenta": .magenta, "cyan": .cyan, "white": .white,
    ]

    /// A colour name, a 256-palette index, or `#rrggbb`; `default` means the terminal's own.
    static func color(_ node: Node, problem: (String, Node?) -> Problem) throws(Problem) -> Color? {
        guard let text = node.string?.lowercased() else { throw problem("expected a colour", node) }
        if text == "default" { return nil }
        if let named = namedColors[text] { return named }
        if let index = UInt8(text) { return .indexed(index) }
        if text.hasPrefix("#"), text.count == 7, let value = UInt32(text.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        }
        throw problem("'\(text)' is not a colour (a name, 0–255, #rrggbb or default)", node)
    }
}
