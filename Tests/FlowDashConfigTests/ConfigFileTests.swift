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

struct ConfigProfileTests {
    private func write(_ text: String, mode: Int = 0o600) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url
    }

    private let profiles = """
        profile: prod
        profiles:
          prod:
            backend: airflow
            url: https://airflow.example.com
            username: ops
            password: hunter2-profile
          ci:
            url: http://127.0.0.1:28080
            token: abc-token-123
          local:
            workspace: /srv/flows
        """

    @Test func profilesAreRead() throws {
        let url = try write(profiles)
        defer { try? FileManager.default.removeItem(at: url) }
        let config = try ConfigFile.load(url)
        #expect(config.profile == "prod")
        #expect(config.profiles["prod"] == ConfigProfile(
            backend: .airflow, url: "https://airflow.example.com", username: "ops", password: ConfigSecret("hunter2-profile")))
        #expect(config.profiles["ci"]?.backend == .airflow)
        #expect(config.profiles["ci"]?.token == ConfigSecret("abc-token-123"))
        #expect(config.profiles["local"] == ConfigProfile(backend: .embedded, workspace: "/srv/flows"))
    }

    @Test func aFileWithASecretThatOthersCanReadIsRefusedWithTheFix() throws {
        let url = try write(profiles, mode: 0o644)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try ConfigFile.load(url)
        } throws: { error in
            "\(error)".contains("chmod 600 \(url.path)") && !"\(error)".contains("hunter2") && !"\(error)".contains("abc-token")
        }
    }

    @Test func aFileWithoutSecretsMayBeReadable() throws {
        let url = try write("profiles:\n  local:\n    workspace: /srv/flows\n", mode: 0o644)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ConfigFile.load(url).profiles["local"]?.workspace == "/srv/flows")
    }

    @Test func secretsNeverPrint() throws {
        let url = try write(profiles)
        defer { try? FileManager.default.removeItem(at: url) }
        let config = try ConfigFile.load(url)
        var dumped = ""
        dump(config, to: &dumped)
        #expect(!"\(config)".contains("hunter2") && !dumped.contains("hunter2") && !dumped.contains("abc-token"))
    }

    @Test(arguments: [
        ("profiles:\n  p:\n    backend: airflow\n    pasword: x\n", "pasword"),
        ("profiles:\n  p:\n    backend: kubernetes\n", "embedded or airflow"),
        ("profiles:\n  p:\n    workspace: /x\n    token: abc\n", "does not apply"),
        ("profiles:\n  p:\n    url: http://h\n    password: abc\n    token: abc\n", "keep one"),
        ("profiles: [a, b]\n", "profiles must map"),
    ])
    func brokenProfilesNameTheProblem(_ text: String, _ expected: String) throws {
        let url = try write(text)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try ConfigFile.load(url)
        } throws: { error in
            "\(error)".contains(expected) && "\(error)".contains(url.path)
        }
    }

    @Test func brokenYAMLDoesNotQuoteTheFile() throws {
        let url = try write("profiles:\n  p:\n    password: \"s3cret-value\n  : [\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try ConfigFile.load(url)
        } throws: { error in
            "\(error)".contains("not valid YAML") && !"\(error)".contains("s3cret-value")
        }
    }
}
