import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import FlowDashDemoAPI

/// A response as the tests inspect it: status, headers and raw body.
struct DemoHTTPResponse: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, or an empty one when it is not one.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

struct DemoHTTPError: Error {
    let reason: String
}

/// A plain HTTP client over URLSession, with no caching or cookies between requests.
enum DemoHTTP {
    private static let session = URLSession(configuration: .ephemeral)

    static func send(
        _ method: String, _ url: String, headers: [String: String] = [:], body: String? = nil
    ) async throws -> DemoHTTPResponse {
        guard let target = URL(string: url) else { throw DemoHTTPError(reason: "bad URL \(url)") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw DemoHTTPError(reason: "not an HTTP response")
        }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return DemoHTTPResponse(status: http.statusCode, headers: fields, body: data)
    }

    static func basicAuthorization(user: String, password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }
}

/// Starts a demo server on a free port, runs `body` with its base URL, and always stops it.
func withDemoServer(_ body: (String) async throws -> Void) async throws {
    let server = DemoAPIServer()
    _ = try await server.start()
    let baseURL = await server.baseURL
    do {
        try await body(baseURL)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
