import FlowDashConfig
import FlowDashScreen
import FlowDashTUI
import Foundation
import Testing

struct ThemeFileTests {
    /// The repository's Themes/ folder, found from this file's path.
    static let shippedThemes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    @Test func everyShippedThemeLoads() throws {
        let catalog = ThemeCatalog(userFolder: nil, shippedFolder: Self.shippedThemes)
        #expect(Set(catalog.names).isSuperset(of: ["default", "light", "high-contrast", "monochrome"]))
        for name in catalog.names {
            let theme = try catalog.theme(named: name)
            #expect(theme.name == name)
            #expect(theme[.failureMarker] != .plain, "\(name) must make the failing step stand out")
        }
    }

    @Test func monochromeHasNoColourAtAll() throws {
        let theme = try ThemeCatalog(userFolder: nil, shippedFolder: Self.shippedThemes).theme(named: "monochrome")
        for role in StyleRole.allCases {
            #expect(theme[role].foreground == nil && theme[role].background == nil, "\(role)")
        }
    }

    @Test func colourFormsAreRead() throws {
        let theme = try ThemeFile.parse("""
            base: dark
            styles:
              failed: { fg: "#ff8800", bg: 196 }
              succeeded: { fg: default, underline: true }
            """, name: "t", file: "t.yaml")
        #expect(theme[.failed].foreground == .rgb(255, 136, 0))
        #expect(theme[.failed].background == .indexed(196))
        #expect(theme[.succeeded].foreground == nil && theme[.succeeded].underline)
        #expect(theme[.failureMarker] == Theme.defaultDark[.failureMarker])
    }

    @Test(arguments: [
        ("base: dark\nstyles:\n  nosuchrole: { bold: true }\n", 3, "unknown role"),
        ("base: dark\nstyles:\n  failed: { fg: puce }\n", 3, "not a colour"),
        ("base: dark\ncolours: {}\n", 2, "unknown key"),
        ("base: sepia\n", 1, "base must be"),
    ])
    func mistakesNameTheLine(yaml: String, line: Int, words: String) {
        #expect {
            try ThemeFile.parse(yaml, name: "t", file: "t.yaml")
        } throws: { error in
            guard let problem = error as? ThemeFile.Problem else { return false }
            return problem.line == line && problem.message.contains(words)
        }
    }

    @Test func aUserThemeTakesPrecedence() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("base: monochrome\n".utf8).write(to: folder.appendingPathComponent("default.yaml"))
        let catalog = ThemeCatalog(userFolder: folder, shippedFolder: Self.shippedThemes)
        #expect(try catalog.theme(named: "default")[.failureMarker].reverse)
        #expect(throws: ThemeFile.Problem.self) { try catalog.theme(named: "nope") }
    }
}
