import FlowDashConfig
import Foundation
import Testing

struct ConfigFileTests {
    private func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func settingsAreRead() throws {
        let url = try write("theme: light\nlanguage: nl\nreadOnly: true\nworkspace: /srv/flows\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ConfigFile.load(url) == ConfigFile(theme: "light", language: "nl", readOnly: true, workspace: "/srv/flows"))
    }

    @Test func aMissingFileIsAnEmptyConfiguration() throws {
        #expect(try ConfigFile.load(URL(fileURLWithPath: "/nonexistent/flowdash.yaml")) == ConfigFile())
    }

    @Test func anUnknownSettingNamesFileAndLine() throws {
        let url = try write("theme: light\nreadonly: true\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try ConfigFile.load(url)
        } throws: { error in
            "\(error)".contains("\(url.path):2") && "\(error)".contains("readonly")
        }
    }
}
