import Foundation
import Testing
@testable import FlowDashDemoAPI

@Suite("Demo API: failures the troubleshooting loop covers")
struct DemoFailureRoutesTests {
    @Test("a report date fails once with 502, then succeeds; each date on its own")
    func reports() async throws {
        try await withDemoServer { baseURL in
            let first = try await DemoHTTP.send("GET", "\(baseURL)/v1/reports/2026-11-24")
            let retry = try await DemoHTTP.send("GET", "\(baseURL)/v1/reports/2026-11-24")
            let otherDate = try await DemoHTTP.send("GET", "\(baseURL)/v1/reports/2026-11-25")

            #expect(first.status == 502)
            #expect(first.json["error"] as? String == "Bad Gateway")
            #expect(first.json["message"] as? String == "upstream report service unavailable")
            #expect(retry.status == 200)
            #expect(retry.json["date"] as? String == "2026-11-24")
            #expect(retry.json["rows"] as? Int == 42)
            #expect(otherDate.status == 502)
        }
    }

    @Test("orders name the missing or wrong field", arguments: [
        (#"{"sku": "FD-42"}"#, "field 'quantity' is required"),
        (#"{"sku": "FD-42", "quantity": null}"#, "field 'quantity' is required"),
        (#"{"sku": "FD-42", "quantity": 0}"#, "field 'quantity' must be a positive integer"),
        (#"{"sku": "FD-42", "quantity": "1"}"#, "field 'quantity' must be a positive integer"),
        (#"{"sku": "FD-42", "quantity": 1.5}"#, "field 'quantity' must be a positive integer"),
        (#"{"quantity": 1}"#, "field 'sku' is required"),
        (#"{"sku": 7, "quantity": 1}"#, "field 'sku' must be a non-empty string"),
        ("not json", "request body must be a JSON object with fields 'sku' and 'quantity'"),
    ])
    func invalidOrders(body: String, message: String) async throws {
        try await withDemoServer { baseURL in
            let response = try await DemoHTTP.send("POST", "\(baseURL)/v1/orders", body: body)
            #expect(response.status == 400)
            #expect(response.json["error"] as? String == "Bad Request")
            #expect(response.json["message"] as? String == message)
        }
    }

    @Test("a valid order is created with a numbered id")
    func validOrder() async throws {
        try await withDemoServer { baseURL in
            let body = #"{"sku": "FD-42", "quantity": 1}"#
            let first = try await DemoHTTP.send("POST", "\(baseURL)/v1/orders", body: body)
            let second = try await DemoHTTP.send("POST", "\(baseURL)/v1/orders", body: body)

            #expect(first.status == 201)
            #expect(first.json["order"] as? String == "ord-1")
            #expect(second.json["order"] as? String == "ord-2")
        }
    }

    @Test("a flaky key fails its first N requests with 503, then succeeds")
    func flaky() async throws {
        try await withDemoServer { baseURL in
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(try await DemoHTTP.send("GET", "\(baseURL)/v1/flaky/a?fail=2").status)
            }
            let otherKey = try await DemoHTTP.send("GET", "\(baseURL)/v1/flaky/b?fail=1")
            let neverFails = try await DemoHTTP.send("GET", "\(baseURL)/v1/flaky/c?fail=0")

            #expect(statuses == [503, 503, 200])
            #expect(otherKey.status == 503)
            #expect(otherKey.json["error"] as? String == "Service Unavailable")
            #expect(neverFails.status == 200)
        }
    }
}
