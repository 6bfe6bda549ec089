import Foundation
import Testing
@testable import FlowDashDemoAPI

@Suite("Demo API: echo, slow, big, hostile and binary bodies")
struct DemoDiagnosticRoutesTests {
    @Test("echo reports method, path and query for GET and POST")
    func echo() async throws {
        try await withDemoServer { baseURL in
            let get = try await DemoHTTP.send("GET", "\(baseURL)/v1/echo?run=7&who=ops")
            let post = try await DemoHTTP.send("POST", "\(baseURL)/v1/echo", body: #"{"echoed": "/v1/echo"}"#)

            #expect(get.status == 200)
            #expect(get.json["method"] as? String == "GET")
            #expect(get.json["path"] as? String == "/v1/echo")
            #expect(get.json["query"] as? [String: String] == ["run": "7", "who": "ops"])
            #expect(post.json["method"] as? String == "POST")
            #expect(post.json["body"] as? String == #"{"echoed": "/v1/echo"}"#)
        }
    }

    @Test("echo serves concurrent requests")
    func echoConcurrently() async throws {
        try await withDemoServer { baseURL in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<32 {
                    group.addTask { try await DemoHTTP.send("GET", "\(baseURL)/v1/echo?n=\(index)").status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 32))
        }
    }

    @Test("hostile errors carry terminal escape sequences in their message")
    func hostile() async throws {
        try await withDemoServer { baseURL in
            let response = try await DemoHTTP.send("GET", "\(baseURL)/v1/hostile")
            let message = try #require(response.json["message"] as? String)

            #expect(response.status == 400)
            #expect(message.contains("\u{1b}]0;pwned\u{07}"))
            #expect(message.contains("\u{1b}[2J"))
            #expect(message.contains("\u{9b}31m"))
            // The 8-bit CSI travels as raw UTF-8 bytes, so even the undecoded body is hostile.
            #expect(response.body.range(of: Data([0xc2, 0x9b])) != nil)
        }
    }

    @Test("big returns exactly the KiB asked for, and rejects a bad size")
    func big() async throws {
        try await withDemoServer { baseURL in
            let three = try await DemoHTTP.send("GET", "\(baseURL)/v1/big?kb=3")
            let fallback = try await DemoHTTP.send("GET", "\(baseURL)/v1/big")
            let negative = try await DemoHTTP.send("GET", "\(baseURL)/v1/big?kb=-1")

            #expect(three.status == 200)
            #expect(three.body.count == 3 * 1024)
            #expect(three.text.hasPrefix("flowdash demo filler"))
            #expect(fallback.body.count == 1024)
            #expect(negative.status == 400)
        }
    }

    @Test("binary is a 500 whose body is not UTF-8")
    func binary() async throws {
        try await withDemoServer { baseURL in
            let response = try await DemoHTTP.send("GET", "\(baseURL)/v1/binary")

            #expect(response.status == 500)
            #expect(response.body.prefix(3) == Data([0xff, 0xfe, 0x00]))
            #expect(String(data: response.body, encoding: .utf8) == nil)
        }
    }

    @Test("slow waits about the time asked for, and rejects a bad wait")
    func slow() async throws {
        try await withDemoServer { baseURL in
            let began = ContinuousClock.now
            let response = try await DemoHTTP.send("GET", "\(baseURL)/v1/slow?ms=150")
            let elapsed = ContinuousClock.now - began
            let invalid = try await DemoHTTP.send("GET", "\(baseURL)/v1/slow?ms=soon")

            #expect(response.status == 200)
            #expect(response.json["slept_ms"] as? Int == 150)
            #expect(elapsed >= .milliseconds(150))
            #expect(invalid.status == 400)
        }
    }
}
