import FlyingFox
import Foundation

/// The demo API's endpoints, as functions of a call. This file: health and the three
/// authenticated services (crm, billing, directory).
enum DemoEndpoints {
    private struct Status: Encodable { let status: String }
    private struct User: Encodable { let user: String }
    private struct Customer: Encodable { let id, name, email: String }
    private struct Manager: Encodable { let user, manager: String }

    private struct InvoiceRequest: Decodable { let customer: String? }
    private struct Invoice: Encodable {
        let id: String
        let customer: String?

        // Written out so a missing customer appears as `null` rather than vanishing.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(customer, forKey: .customer)
        }
        private enum CodingKeys: String, CodingKey { case id, customer }
    }

    static func health(_ call: DemoCall) async throws -> HTTPResponse {
        DemoResponse.json(.ok, Status(status: "ok"))
    }

    static func crmMe(_ call: DemoCall) async throws -> HTTPResponse {
        guard DemoAuth.hasValidCRMToken(call.request) else { return crmUnauthorized }
        return DemoResponse.json(.ok, User(user: "demo"))
    }

    static func customer(_ call: DemoCall) async throws -> HTTPResponse {
        guard DemoAuth.hasValidCRMToken(call.request) else { return crmUnauthorized }
        let id = call.capture(0)
        return DemoResponse.json(.ok, Customer(id: id, name: "Customer \(id)", email: "\(id)@example.com"))
    }

    static func billingMe(_ call: DemoCall) async throws -> HTTPResponse {
        guard DemoAuth.hasValidBillingKey(call.request) else { return billingUnauthorized }
        return DemoResponse.json(.ok, User(user: "billing-demo"))
    }

    /// The customer is echoed when the body is a JSON object with a string `customer`;
    /// any other body still creates the invoice, with `customer: null`.
    static func createInvoice(_ call: DemoCall) async throws -> HTTPResponse {
        guard DemoAuth.hasValidBillingKey(call.request) else { return billingUnauthorized }
        let body = try await call.request.bodyData
        let customer = (try? JSONDecoder().decode(InvoiceRequest.self, from: body))?.customer
        let id = await call.state.nextInvoiceID()
        return DemoResponse.json(.created, Invoice(id: id, customer: customer))
    }

    static func directoryMe(_ call: DemoCall) async throws -> HTTPResponse {
        guard DemoAuth.hasValidDirectoryLogin(call.request) else { return directoryUnauthorized }
        return DemoResponse.json(.ok, User(user: DemoCredentials.directoryUser))
    }

    /// `jdoe` has no manager: a 422 that neither re-verifying nor editing fixes ("other").
    static func manager(_ call: DemoCall) async throws -> HTTPResponse {
        guard DemoAuth.hasValidDirectoryLogin(call.request) else { return directoryUnauthorized }
        let user = call.capture(0)
        guard user != "jdoe" else {
            return DemoResponse.error(
                DemoResponse.unprocessableEntity,
                "no manager is configured for user '\(user)' in the directory"
            )
        }
        return DemoResponse.json(.ok, Manager(user: user, manager: "mgr-\(user)"))
    }

    // No `WWW-Authenticate` challenge on these 401s: URLSession on Linux never completes a
    // request answered with a Basic challenge it has no credential for (it hung in our tests).
    private static var crmUnauthorized: HTTPResponse {
        DemoResponse.error(.unauthorized, "invalid or expired token")
    }

    private static var billingUnauthorized: HTTPResponse {
        DemoResponse.error(.unauthorized, "missing or invalid API key")
    }

    private static var directoryUnauthorized: HTTPResponse {
        DemoResponse.error(.unauthorized, "invalid directory credentials")
    }
}
