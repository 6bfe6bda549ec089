@testable import FlowDashConfig
import Foundation
import Testing

@Suite("notify: in the config file")
struct NotifyConfigTests {
    @Test func smtpSettingsAreRead() throws {
        let config = try ConfigFile.parse("""
            notify:
              from: flowdash@example.com
              fallbackTo: ops@example.com
              smtp:
                host: mail.example.com
                port: 2525
                starttls: false
                username: fd
                password: s3cret-pass
            """, file: "config.yaml")
        let notify = try #require(config.notify)
        #expect(notify.from == "flowdash@example.com")
        #expect(notify.fallbackTo == "ops@example.com")
        #expect(notify.transport == .smtp(.init(host: "mail.example.com", port: 2525, startTLS: false, username: "fd",
                                                  password: ConfigSecret("s3cret-pass"))))
        #expect(config.holdsSecret)
        #expect(!String(describing: config).contains("s3cret-pass"))
    }

    @Test func theEmailsMayHaveTheirOwnLanguage() throws {
        let config = try ConfigFile.parse("notify:\n  from: a@example.com\n  language: nl\n  sendmail: /usr/sbin/sendmail -t\n", file: "c")
        #expect(config.notify?.language == "nl")
        #expect(throws: ConfigFile.Problem.self) {
            try ConfigFile.parse("notify:\n  from: a@example.com\n  language: de\n  sendmail: x\n", file: "c")
        }
        let unset = try ConfigFile.parse("notify:\n  from: a@example.com\n  sendmail: x\n", file: "c")
        #expect(unset.notify?.language == nil)
    }

    @Test func smtpDefaultsToStartTLSOnPort587() throws {
        let config = try ConfigFile.parse("notify:\n  from: a@example.com\n  smtp: {host: mail.example.com}\n", file: "c")
        #expect(config.notify?.transport == .smtp(.init(host: "mail.example.com", port: 587, startTLS: true)))
        #expect(!config.holdsSecret)
    }

    @Test func sendmailIsACommandLine() throws {
        let config = try ConfigFile.parse("notify:\n  from: a@example.com\n  sendmail: /usr/sbin/sendmail -t\n", file: "c")
        #expect(config.notify?.transport == .sendmail(["/usr/sbin/sendmail", "-t"]))
    }

    @Test(arguments: [
        ("notify:\n  smtp: {host: h}\n", "needs from"),
        ("notify:\n  from: a@example.com\n", "needs smtp: or sendmail:"),
        ("notify:\n  from: a@example.com\n  sendmail: x\n  smtp: {host: h}\n", "keep one"),
        ("notify:\n  from: a@example.com\n  smtp: {host: h, port: 70000}\n", "port"),
        ("notify:\n  from: a@example.com\n  smtp: {host: h, colour: red}\n", "unknown setting 'colour'"),
        ("notify:\n  from: a@example.com\n  smtp: {host: h, password: hunter22}\n", "no username"),
    ])
    func problemsAreNamed(text: String, expected: String) {
        do {
            _ = try ConfigFile.parse(text, file: "c")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(!error.description.contains("hunter22"))
        }
    }

    @Test func aFileWithTheSMTPPasswordMustBeOwnerOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-notify-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config.yaml")
        try "notify:\n  from: a@example.com\n  smtp: {host: h, username: u, password: hunter22}\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        do {
            _ = try ConfigFile.load(file)
            Issue.record("a readable file with a password was accepted")
        } catch {
            #expect(error.description.contains("chmod 600"))
            #expect(!error.description.contains("hunter22"))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        #expect(try ConfigFile.load(file).notify?.from == "a@example.com")
    }
}
