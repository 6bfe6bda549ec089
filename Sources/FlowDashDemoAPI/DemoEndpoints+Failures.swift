import FlyingFox
import Foundation

/// Endpoints that fail the way the troubleshooting loop expects: transient (reports, flaky)
/// and configuration (orders' validation).
extension DemoEndpoints {
    private struct Report: Encodable {
        let date: String
        let rows: Int
    }
    private struct Order: Encodable { let order: String }
    private struct FlakyResult: Encodable {
        let key: String
        let attempt: Int
    }

    /// The first request for each date gets a 502, so a resubmit of the same run succeeds.
    static func report(_ call: DemoCall) async throws -> HTTPResponse {
        let date = call.capture(0)
        guard await !call.state.isFirstReportRequest(for: date) else {
            return DemoResponse.error(.badGateway, "upstream report service unavailable")
        }
        return DemoResponse.json(.ok, Report(date: date, rows: 42))
    }

    /// Needs a positive integer `quantity` and a string `sku`; the demo flow omits quantity.
    static func createOrder(_ call: DemoCall) async throws -> HTTPResponse {
        let body = try await call.request.bodyData
        if let problem = OrderRequest.problem(in: body) {
            return DemoResponse.error(.badRequest, problem)
        }
        return DemoResponse.json(.created, Order(order: await call.state.nextOrderID()))
    }

    /// 503 for the first `fail` (default 1) requests of a key, then 200.
    static func flaky(_ call: DemoCall) async throws -> HTTPResponse {
        let key = call.capture(0)
        guard let failures = call.integerQuery("fail", fallback: 1, cap: Int.max) else {
            return DemoResponse.error(.badRequest, "query 'fail' must be a non-negative integer")
        }
        let attempt = await call.state.nextFlakyAttempt(for: key)
        guard attempt > failures else {
            return DemoResponse.error(
                .serviceUnavailable,
                "flaky dependency '\(key)' is unavailable (attempt \(attempt) of \(failures) planned failures)"
            )
        }
        return DemoResponse.json(.ok, FlakyResult(key: key, attempt: attempt))
    }
}

/// The order body's fields, each told apart as missing, present but wrong, or usable, so the
/// 400 names exactly what to fix.
private struct OrderRequest: Decodable {
    enum Field<Value> {
        case missing
        case invalid
        case valid(Value)
    }

    let quantity: Field<Int>
    let sku: Field<String>

    private enum CodingKeys: String, CodingKey { case quantity, sku }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        quantity = Self.field(Int.self, .quantity, in: container)
        sku = Self.field(String.self, .sku, in: container)
    }

    /// The reason the body is not a valid order, or nil when it is.
    static func problem(in body: Data) -> String? {
        guard let order = try? JSONDecoder().decode(OrderRequest.self, from: body) else {
            return "request body must be a JSON object with fields 'sku' and 'quantity'"
        }
        switch order.quantity {
        case .missing: return "field 'quantity' is required"
        case .invalid: return "field 'quantity' must be a positive integer"
        case .valid(let quantity) where quantity <= 0: return "field 'quantity' must be a positive integer"
        case .valid: break
        }
        switch order.sku {
        case .missing: return "field 'sku' is required"
        case .invalid: return "field 'sku' must be a non-empty string"
        case .valid(let sku) where sku.isEmpty: return "field 'sku' must be a non-empty string"
        case .valid: return nil
        }
    }

    private static func field<Value: Decodable>(
        _ type: Value.Type, _ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>
    ) -> Field<Value> {
        // An explicit null reads as missing: the operator forgot to fill it in.
        guard container.contains(key), (try? container.decodeNil(forKey: key)) == false else {
            return .missing
        }
        guard let value = try? container.decode(type, forKey: key) else { return .invalid }
        return .valid(value)
    }
}
