import Foundation
import Testing
@testable import FlowDashDemoAPI

@Suite("Demo API: authenticated services")
struct DemoAccountRoutesTests {
    private let validBearer = ["Authorization": "Bearer \(DemoCredentials.validCRMToken)"]
    private let expiredBearer = ["Authorization": "Bearer \(DemoCredentials.expiredCRMToken)"]
    private let directoryLogin = [
        "Authorization": DemoHTTP.basicAuthorization(
            user: DemoCredentials.directoryUser, password: DemoCredentials.directoryPassword),
    ]

    @Test("crm's verify path accepts only the valid bearer token")
    func crmMe() async throws {
        try await withDemoServer { baseURL in
            let anonymous = try await DemoHTTP.send("GET", "\(baseURL)/v1/me")
            let expired = try await DemoHTTP.send("GET", "\(baseURL)/v1/me", headers: expiredBearer)
            let valid = try await DemoHTTP.send("GET", "\(baseURL)/v1/me", headers: validBearer)

            #expect(anonymous.status == 401)
            #expect(expired.status == 401)
            #expect(expired.json["error"] as? String == "Unauthorized")
            #expect(expired.json["message"] as? String == "invalid or expired token")
            #expect(valid.status == 200)
            #expect(valid.json["user"] as? String == "demo")
        }
    }

    @Test("customers need the bearer token and describe the customer")
    func customers() async throws {
        try await withDemoServer { baseURL in
            let expired = try await DemoHTTP.send("GET", "\(baseURL)/v1/customers/c-1001", headers: expiredBearer)
            let valid = try await DemoHTTP.send("GET", "\(baseURL)/v1/customers/c-1001", headers: validBearer)

            #expect(expired.status == 401)
            #expect(valid.status == 200)
            #expect(valid.json["id"] as? String == "c-1001")
            #expect(valid.json["name"] as? String == "Customer c-1001")
            #expect(valid.json["email"] as? String == "c-1001@example.com")
        }
    }

    @Test("billing's verify path needs the API key")
    func billingMe() async throws {
        try await withDemoServer { baseURL in
            let wrong = try await DemoHTTP.send("GET", "\(baseURL)/v1/billing/me", headers: ["X-API-Key": "nope"])
            let valid = try await DemoHTTP.send(
                "GET", "\(baseURL)/v1/billing/me", headers: ["X-API-Key": DemoCredentials.billingKey])

            #expect(wrong.status == 401)
            #expect(valid.status == 200)
        }
    }

    @Test("invoices need the API key, number themselves and echo the customer")
    func invoices() async throws {
        try await withDemoServer { baseURL in
            let key = ["X-API-Key": DemoCredentials.billingKey, "Content-Type": "application/json"]
            let anonymous = try await DemoHTTP.send("POST", "\(baseURL)/v1/invoices", body: #"{"customer": "x"}"#)
            let first = try await DemoHTTP.send(
                "POST", "\(baseURL)/v1/invoices", headers: key, body: #"{"customer": "Customer c-1001"}"#)
            let second = try await DemoHTTP.send("POST", "\(baseURL)/v1/invoices", headers: key)

            #expect(anonymous.status == 401)
            #expect(first.status == 201)
            #expect(first.json["id"] as? String == "inv-1")
            #expect(first.json["customer"] as? String == "Customer c-1001")
            #expect(second.json["id"] as? String == "inv-2")
            #expect(second.json["customer"] is NSNull)
        }
    }

    @Test("directory's verify path needs the basic login")
    func directoryMe() async throws {
        try await withDemoServer { baseURL in
            let wrongPassword = ["Authorization": DemoHTTP.basicAuthorization(user: "demo", password: "guess")]
            let wrong = try await DemoHTTP.send("GET", "\(baseURL)/v1/directory/me", headers: wrongPassword)
            let valid = try await DemoHTTP.send("GET", "\(baseURL)/v1/directory/me", headers: directoryLogin)

            #expect(wrong.status == 401)
            #expect(valid.status == 200)
            #expect(valid.json["user"] as? String == "demo")
        }
    }

    @Test("jdoe has no manager (422); other users do; both need the login")
    func managers() async throws {
        try await withDemoServer { baseURL in
            let anonymous = try await DemoHTTP.send("GET", "\(baseURL)/v1/directory/users/asmith/manager")
            let jdoe = try await DemoHTTP.send(
                "GET", "\(baseURL)/v1/directory/users/jdoe/manager", headers: directoryLogin)
            let asmith = try await DemoHTTP.send(
                "GET", "\(baseURL)/v1/directory/users/asmith/manager", headers: directoryLogin)

            #expect(anonymous.status == 401)
            #expect(jdoe.status == 422)
            #expect(jdoe.json["error"] as? String == "Unprocessable Entity")
            #expect(jdoe.json["message"] as? String == "no manager is configured for user 'jdoe' in the directory")
            #expect(asmith.status == 200)
            #expect(asmith.json["user"] as? String == "asmith")
            #expect(asmith.json["manager"] as? String == "mgr-asmith")
        }
    }

    @Test("401s carry no WWW-Authenticate challenge, which Linux URLSession would hang on")
    func noChallenges() async throws {
        try await withDemoServer { baseURL in
            for path in ["/v1/me", "/v1/billing/me", "/v1/directory/me"] {
                let response = try await DemoHTTP.send("GET", "\(baseURL)\(path)")
                #expect(response.status == 401, "\(path)")
                #expect(response.header("WWW-Authenticate") == nil, "\(path)")
            }
        }
    }
}
