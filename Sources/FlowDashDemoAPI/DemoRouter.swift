import FlyingFox
import Foundation

/// What an endpoint receives: the request, the path segments its pattern captured, and the
/// server's state.
struct DemoCall: Sendable {
    let request: HTTPRequest
    let captures: [String]
    let state: DemoAPIState

    /// The capture at `index`; routes only call this for indices their pattern declares.
    func capture(_ index: Int) -> String {
        captures.indices.contains(index) ? captures[index] : ""
    }

    /// A non-negative integer query parameter, clamped to `cap`; `fallback` when absent,
    /// nil when present but not a non-negative integer.
    func integerQuery(_ name: String, fallback: Int, cap: Int) -> Int? {
        guard let text = request.query[name] else { return fallback }
        guard let value = Int(text), value >= 0 else { return nil }
        return min(value, cap)
    }
}

/// One endpoint: an exact method, a path pattern whose `{name}` segments are captured, and
/// the code that answers it.
struct DemoRoute: Sendable {
    private enum Segment: Sendable {
        case literal(String)
        case capture
    }

    let method: String
    private let segments: [Segment]
    let respond: @Sendable (DemoCall) async throws -> HTTPResponse

    init(
        _ method: String, _ pattern: String,
        _ respond: @escaping @Sendable (DemoCall) async throws -> HTTPResponse
    ) {
        self.method = method
        self.segments = pattern.split(separator: "/").map { part in
            part.hasPrefix("{") ? .capture : .literal(String(part))
        }
        self.respond = respond
    }

    /// The captured segments (percent-decoded) if `path` matches this pattern exactly.
    func captures(in path: [Substring]) -> [String]? {
        guard path.count == segments.count else { return nil }
        var captured: [String] = []
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let text):
                guard part == text else { return nil }
            case .capture:
                captured.append(part.removingPercentEncoding ?? String(part))
            }
        }
        return captured
    }
}

/// The demo API's single handler. Matching is exact and case-sensitive, and every miss
/// gets the same JSON 404, because the `/v1/invoice` typo must read like any unknown route.
struct DemoRouter: HTTPHandler {
    let state: DemoAPIState
    private let routes = DemoRoutes.all

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let method = request.method.rawValue
        let path = request.path.split(separator: "/")
        for route in routes where route.method == method {
            guard let captures = route.captures(in: path) else { continue }
            let call = DemoCall(request: request, captures: captures, state: state)
            do {
                return try await route.respond(call)
            } catch {
                return DemoResponse.error(.internalServerError, "the demo API failed: \(error)")
            }
        }
        return DemoResponse.error(.notFound, "no route for \(method) \(request.path)")
    }
}
