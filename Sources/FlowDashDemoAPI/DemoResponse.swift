import FlyingFox
import Foundation

/// Builders for the demo API's responses: JSON bodies, and errors shaped
/// `{"error": "<reason phrase>", "message": "<text>"}`.
enum DemoResponse {
    /// FlyingFox names 422 "Unprocessable Content" (RFC 9110); the demo uses the phrase
    /// operators know from RFC 4918 logs.
    static let unprocessableEntity = HTTPStatusCode(422, phrase: "Unprocessable Entity")

    private struct ErrorBody: Encodable {
        let error: String
        let message: String
    }

    static func json(_ status: HTTPStatusCode, _ value: some Encodable) -> HTTPResponse {
        let encoder = JSONEncoder()
        // Stable key order and unescaped slashes keep bodies readable and comparable in tests.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let body = try? encoder.encode(value) else {
            return HTTPResponse(statusCode: .internalServerError)
        }
        return HTTPResponse(
            statusCode: status,
            headers: [.contentType: "application/json"],
            body: body
        )
    }

    static func error(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        json(status, ErrorBody(error: status.phrase, message: message))
    }

    static func text(_ status: HTTPStatusCode, _ body: Data) -> HTTPResponse {
        HTTPResponse(
            statusCode: status,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: body
        )
    }
}
