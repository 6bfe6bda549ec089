import Foundation
import Yams

/// The `notify:` section of the config file: how `flowdash watch` sends repair-tips emails.
///
/// ```yaml
/// notify:
///   from: flowdash@example.com
///   fallbackTo: ops@example.com       # optional: flows without an email owner
///   language: fr                      # optional: en, fr or nl (else the config's language, else the locale)
///   smtp: {host: mail.example.com, port: 587, starttls: true, username: flowdash, password: "…"}
///   # or: sendmail: "/usr/sbin/sendmail -t"
/// ```
public struct NotifyConfig: Sendable, Equatable {
    public struct SMTP: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var startTLS: Bool
        public var username: String?
        public var password: ConfigSecret?

        public init(host: String, port: Int, startTLS: Bool, username: String? = nil, password: ConfigSecret? = nil) {
            self.host = host
            self.port = port
            self.startTLS = startTLS
            self.username = username
            self.password = password
        }
    }

    public enum Transport: Sendable, Equatable {
        case smtp(SMTP)
        /// A sendmail-compatible command line, split on spaces.
        case sendmail([String])
    }

    public var from: String
    public var fallbackTo: String?
    public var transport: Transport
    /// The emails' language (en, fr, nl); nil: the config's `language`, else the locale.
    public var language: String?

    public static let languages = ["en", "fr", "nl"]

    public init(from: String, fallbackTo: String? = nil, transport: Transport, language: String? = nil) {
        self.from = from
        self.fallbackTo = fallbackTo
        self.transport = transport
        self.language = language
    }

    public var holdsSecret: Bool {
        if case .smtp(let smtp) = transport { return smtp.password != nil }
        return false
    }

    static func parse(_ node: Node, file: String) throws(ConfigFile.Problem) -> NotifyConfig {
        let place = "\(file)\(node.mark.map { ":\($0.line)" } ?? "")"
        guard let mapping = node.mapping else {
            throw ConfigFile.Problem(description: "\(place): notify must be a mapping (from, fallbackTo, smtp or sendmail)")
        }
        var from: String?, fallbackTo: String?, smtp: SMTP?, sendmail: [String]?, language: String?
        for (key, value) in mapping {
            let line = "\(file)\(key.mark.map { ":\($0.line)" } ?? "")"
            switch key.string {
            case "from": from = try text(value, "notify.from", line)
            case "fallbackTo": fallbackTo = try text(value, "notify.fallbackTo", line)
            case "sendmail":
                sendmail = try text(value, "notify.sendmail", line).split(separator: " ").map(String.init)
            case "smtp": smtp = try parseSMTP(value, line: line, file: file)
            case "language":
                let code = try text(value, "notify.language", line)
                guard languages.contains(code) else {
                    throw ConfigFile.Problem(description: "\(line): notify.language must be one of \(languages.joined(separator: ", ")), not '\(code)'")
                }
                language = code
            default:
                throw ConfigFile.Problem(description: "\(line): unknown setting '\(key.string ?? "")' in notify (expected from, fallbackTo, smtp, sendmail, language)")
            }
        }
        guard let from else { throw ConfigFile.Problem(description: "\(place): notify needs from: (the sender's address)") }
        switch (smtp, sendmail) {
        case (let smtp?, nil): return NotifyConfig(from: from, fallbackTo: fallbackTo, transport: .smtp(smtp), language: language)
        case (nil, let command?):
            return NotifyConfig(from: from, fallbackTo: fallbackTo, transport: .sendmail(command), language: language)
        case (nil, nil): throw ConfigFile.Problem(description: "\(place): notify needs smtp: or sendmail:")
        case (_?, _?): throw ConfigFile.Problem(description: "\(place): notify has both smtp: and sendmail:; keep one")
        }
    }

    private static func parseSMTP(_ node: Node, line place: String, file: String) throws(ConfigFile.Problem) -> SMTP {
        guard let mapping = node.mapping else {
            throw ConfigFile.Problem(description: "\(place): notify.smtp must be a mapping (host, port, starttls, username, password)")
        }
        var host: String?, port = 587, startTLS = true, username: String?, password: ConfigSecret?
        for (key, value) in mapping {
            let line = "\(file)\(key.mark.map { ":\($0.line)" } ?? "")"
            switch key.string {
            case "host": host = try text(value, "notify.smtp.host", line)
            case "port":
                guard let number = value.int, (1...65535).contains(number) else {
                    throw ConfigFile.Problem(description: "\(line): notify.smtp.port must be a port number (1-65535)")
                }
                port = number
            case "starttls":
                guard let flag = value.bool else { throw ConfigFile.Problem(description: "\(line): notify.smtp.starttls must be true or false") }
                startTLS = flag
            case "username": username = try text(value, "notify.smtp.username", line)
            // why: the value never goes into a message, only into the secret wrapper.
            case "password": password = try ConfigSecret(text(value, "notify.smtp.password", line))
            default:
                throw ConfigFile.Problem(description: "\(line): unknown setting '\(key.string ?? "")' in notify.smtp (expected host, port, starttls, username, password)")
            }
        }
        guard let host else { throw ConfigFile.Problem(description: "\(place): notify.smtp needs host:") }
        if password != nil, username == nil {
            throw ConfigFile.Problem(description: "\(place): notify.smtp has a password but no username")
        }
        return SMTP(host: host, port: port, startTLS: startTLS, username: username, password: password)
    }

    private static func text(_ node: Node, _ name: String, _ line: String) throws(ConfigFile.Problem) -> String {
        guard let text = node.scalar?.string.trimmingCharacters(in: .whitespaces), !text.isEmpty,
              !text.contains(where: \.isNewline) else {
            throw ConfigFile.Problem(description: "\(line): \(name) must be a non-empty text on one line")
        }
        return text
    }
}
