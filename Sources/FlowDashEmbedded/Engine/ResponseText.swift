import FlowDashCore
import Foundation

/// Turns a response body into the text FlowDash keeps: capped, lossily decoded, and for
/// failures a one-line message that names what the server said.
enum ResponseText {
    /// The most of a body a step stores; templates see the same text.
    static let storedBodyLimit = 64 * 1024
    /// How much of a non-JSON error body goes into the message.
    static let messageBodyLimit = 200
    /// Messages are one line for lists; this bounds a server that sends a novel.
    static let messageLimit = 500

    /// The body as text: at most `limit` bytes, invalid UTF-8 replaced, the cut marked.
    static func body(_ data: Data, limit: Int = storedBodyLimit) -> String {
        guard data.count > limit else { return String(decoding: data, as: UTF8.self) }
        return String(decoding: data.prefix(limit), as: UTF8.self) + "\n… (cut: the body had \(data.count) bytes)"
    }

    /// What a failed response said: its JSON `error`/`message`/`detail` fields when present,
    /// else the reason phrase and the start of the body. Sanitised to one line.
    static func failureMessage(status: Int, body: Data) -> String {
        let phrase = reasonPhrase(for: status)
        let message: String
        if let fields = jsonFields(in: body), !fields.isEmpty {
            message = fields.joined(separator: ": ")
        } else {
            let start = TextSanitizer.clean(String(decoding: body.prefix(messageBodyLimit * 4), as: UTF8.self))
                .trimmingCharacters(in: .whitespaces)
            let excerpt = String(start.prefix(messageBodyLimit))
            message = excerpt.isEmpty ? phrase : "\(phrase): \(excerpt)"
        }
        let clean = TextSanitizer.clean(message).trimmingCharacters(in: .whitespaces)
        return TextSanitizer.truncate(clean.isEmpty ? phrase : clean, to: messageLimit)
    }

    /// The distinct string fields `error`, `message`, `detail` in that order; `error` may also be
    /// an object holding them (a common API style). Nil when the body is not a JSON object.
    private static func jsonFields(in body: Data) -> [String]? {
        guard body.count <= storedBodyLimit,
              let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return nil }
        var fields: [String] = []
        func collect(_ object: [String: Any]) {
            for key in ["error", "message", "detail"] {
                if let text = object[key] as? String, !text.isEmpty, !fields.contains(text) { fields.append(text) }
                if key == "error", let nested = object[key] as? [String: Any] { collect(nested) }
            }
        }
        collect(object)
        return fields
    }

    static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP \(status)"
        }
    }
}
