import Foundation

/// One email with a plain-text and an HTML part, rendered as a MIME multipart/alternative
/// message. Both parts travel base64-encoded, so long lines and any UTF-8 pass every relay.
public struct MailMessage: Sendable, Hashable {
    public let from: String
    public let to: String
    public let subject: String
    public let text: String
    public let html: String

    public init(from: String, to: String, subject: String, text: String, html: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
    }

    /// The message as sent on the wire (CRLF line ends).
    public func rendered(date: Date = Date(), boundary: String = "flowdash-\(UUID().uuidString)") -> String {
        let headers = [
            "From: \(Self.headerSafe(from))",
            "To: \(Self.headerSafe(to))",
            "Subject: \(Self.encodedHeader(subject))",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(UUID().uuidString)@flowdash>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        var lines = headers + [""]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += ["--\(boundary)", "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            lines += Self.base64Lines(body)
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A header value on one line: a line break would start a header of the sender's choosing.
    static func headerSafe(_ value: String) -> String {
        String(value.map { $0.isNewline || $0 == "\0" ? " " : $0 })
    }

    /// RFC 2047 encoded-word when the text is not plain ASCII.
    static func encodedHeader(_ value: String) -> String {
        let safe = headerSafe(value)
        guard !safe.unicodeScalars.allSatisfy({ $0.isASCII }) else { return safe }
        return "=?utf-8?B?\(Data(safe.utf8).base64EncodedString())?="
    }

    static func base64Lines(_ body: String) -> [String] {
        let encoded = Data(body.utf8).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            let to = encoded.index(from, offsetBy: min(76, encoded.count - start))
            return String(encoded[from..<to])
        }
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
