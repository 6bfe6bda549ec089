import FlowDashTUI
import Foundation

/// Finds themes by name: the user's folder first ($XDG_CONFIG_HOME/flowdash/themes), then the
/// ones shipped in Themes/. NO_COLOR always wins with the monochrome theme.
public struct ThemeCatalog: Sendable {
    public let folders: [URL]

    public init(userFolder: URL?, shippedFolder: URL?) {
        folders = [userFolder, shippedFolder].compactMap { $0 }
    }

    public var names: [String] {
        let files = folders.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0.path)) ?? [] }
        return Set(files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }).sorted()
    }

    public func theme(named name: String) throws(ThemeFile.Problem) -> Theme {
        for folder in folders {
            let file = folder.appendingPathComponent("\(name).yaml")
            if FileManager.default.fileExists(atPath: file.path) { return try ThemeFile.load(file) }
        }
        throw ThemeFile.Problem(file: name, line: nil,
                                message: "no theme named '\(name)' (available: \(names.joined(separator: ", ")))")
    }
}
