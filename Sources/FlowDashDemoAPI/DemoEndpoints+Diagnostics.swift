import FlyingFox
import Foundation

/// Endpoints that exercise the client rather than the troubleshooting loop: a fast echo for
/// the benchmark, slow and big responses, and bodies that must never reach a terminal raw.
extension DemoEndpoints {
    private struct Echo: Encodable {
        let method: String
        let path: String
        let query: [String: String]
        /// Present only when the request had a body, so a templated POST can be checked.
        let body: String?
    }
    private struct Slept: Encodable {
        let sleptMilliseconds: Int
        private enum CodingKeys: String, CodingKey { case sleptMilliseconds = "slept_ms" }
    }

    static let slowCapMilliseconds = 30_000
    static let bigCapKiB = 65_536

    /// Escape sequences that retitle the window, clear the screen, recolour text, plant a
    /// hyperlink, and an 8-bit CSI; a sanitiser must strip every one before display.
    static let hostileMessage = "report failed: \u{1b}]0;pwned\u{07}\u{1b}[2J\u{1b}[31mred alert\u{1b}[0m"
        + " and \u{9b}31m 8-bit CSI\u{1b}[0m, \u{1b}]8;;https://evil.example\u{07}click me\u{1b}]8;;\u{07}"

    /// Bytes that are not UTF-8 in any reading: BOM-like 0xff 0xfe, a NUL, lone continuation
    /// bytes and a truncated sequence, plus a raw ESC.
    static let binaryBody = Data([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0xa0, 0xa1, 0x1b, 0x5b, 0x32, 0x4a, 0xf0, 0x28])

    static func echo(_ call: DemoCall) async throws -> HTTPResponse {
        let request = call.request
        let body = try await request.bodyData
        let query = Dictionary(request.query.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        return DemoResponse.json(.ok, Echo(
            method: request.method.rawValue,
            path: request.path,
            query: query,
            body: body.isEmpty ? nil : String(decoding: body, as: UTF8.self)
        ))
    }

    static func slow(_ call: DemoCall) async throws -> HTTPResponse {
        guard let milliseconds = call.integerQuery("ms", fallback: 1_000, cap: slowCapMilliseconds) else {
            return DemoResponse.error(.badRequest, "query 'ms' must be a non-negative integer")
        }
        try await Task.sleep(for: .milliseconds(milliseconds))
        return DemoResponse.json(.ok, Slept(sleptMilliseconds: milliseconds))
    }

    static func hostile(_ call: DemoCall) async throws -> HTTPResponse {
        DemoResponse.error(.badRequest, hostileMessage)
    }

    /// `kb` KiB (default 1) of plain text in 64-byte lines.
    static func big(_ call: DemoCall) async throws -> HTTPResponse {
        guard let kibibytes = call.integerQuery("kb", fallback: 1, cap: bigCapKiB) else {
            return DemoResponse.error(.badRequest, "query 'kb' must be a non-negative integer")
        }
        let line = "flowdash demo filler text, repeated to make a big body.........\n"
        let kibibyte = Data(String(repeating: line, count: 1024 / line.utf8.count).utf8)
        var body = Data(capacity: kibibytes * kibibyte.count)
        for _ in 0..<kibibytes {
            body.append(kibibyte)
        }
        return DemoResponse.text(.ok, body)
    }

    static func binary(_ call: DemoCall) async throws -> HTTPResponse {
        HTTPResponse(
            statusCode: .internalServerError,
            headers: [.contentType: "application/octet-stream"],
            body: binaryBody
        )
    }

    /// 302 to the URL in `to`: lets a test prove the client keeps credentials on their origin.
    static func redirect(_ call: DemoCall) async throws -> HTTPResponse {
        guard let target = call.request.query["to"], !target.isEmpty else {
            return DemoResponse.error(.badRequest, "query 'to' is required")
        }
        return HTTPResponse(statusCode: .found, headers: [.location: target], body: Data())
    }
}
