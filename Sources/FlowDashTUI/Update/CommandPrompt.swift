import Foundation

/// The `:` command line: the commands it knows, Tab completion, and parsing.
public enum CommandPrompt {
    /// Every command, in the order completion considers them.
    public static let commands = [
        "activity", "connections", "flows", "tips", "inbox", "ledger", "progress", "theme", "quit", "q", "help",
    ]

    /// A parsed command line.
    enum Command: Equatable {
        case activity, connections, flows, tips, inbox, ledger, progress, quit, help
        case theme(String)
        case empty
        case unknown(String)
    }

    /// `text` after Tab: a unique match completes (`theme` gains a space for its argument),
    /// several matches complete to their common prefix, and `theme NAME` completes NAME
    /// against `themes`.
    public static func complete(_ text: String, themes: [String]) -> String {
        let typed = String(text.drop { $0 == " " })
        if let space = typed.firstIndex(of: " ") {
            guard typed[..<space] == "theme" else { return text }
            let argument = String(typed[typed.index(after: space)...].drop { $0 == " " })
            let completed = completion(of: argument, among: themes)
            return completed == argument ? text : "theme " + completed
        }
        let matches = commands.filter { $0.hasPrefix(typed) }
        if matches == ["theme"] { return "theme " }
        let completed = completion(of: typed, among: matches)
        return completed == typed ? text : completed
    }

    /// The longest text every match of `prefix` starts with.
    private static func completion(of prefix: String, among candidates: [String]) -> String {
        let matches = candidates.filter { $0.hasPrefix(prefix) }
        guard var common = matches.first else { return prefix }
        for match in matches.dropFirst() {
            common = String(zip(common, match).prefix { $0 == $1 }.map(\.0))
        }
        return common.count > prefix.count ? common : prefix
    }

    static func parse(_ text: String) -> Command {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let name = words.first else { return .empty }
        switch (name, words.count) {
        case ("activity", 1): return .activity
        case ("connections", 1): return .connections
        case ("flows", 1): return .flows
        case ("tips", 1): return .tips
        case ("inbox", 1): return .inbox
        case ("ledger", 1): return .ledger
        case ("progress", 1): return .progress
        case ("quit", 1), ("q", 1): return .quit
        case ("help", 1): return .help
        case ("theme", 2): return .theme(words[1])
        default: return .unknown(words.joined(separator: " "))
        }
    }
}
