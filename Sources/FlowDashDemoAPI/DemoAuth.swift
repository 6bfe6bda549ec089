import FlyingFox
import Foundation

/// Credential checks for the three authenticated demo services.
enum DemoAuth {
    static let apiKeyHeader = HTTPHeader("X-API-Key")

    /// True when `Authorization` is `Bearer <the valid CRM token>` (scheme case-insensitive).
    static func hasValidCRMToken(_ request: HTTPRequest) -> Bool {
        credentials(in: request, scheme: "bearer") == DemoCredentials.validCRMToken
    }

    static func hasValidBillingKey(_ request: HTTPRequest) -> Bool {
        request.headers[apiKeyHeader] == DemoCredentials.billingKey
    }

    /// True when `Authorization` is `Basic base64(demo:demo-directory)`.
    static func hasValidDirectoryLogin(_ request: HTTPRequest) -> Bool {
        guard let encoded = credentials(in: request, scheme: "basic"),
              let decoded = Data(base64Encoded: encoded),
              let login = String(data: decoded, encoding: .utf8) else { return false }
        return login == "\(DemoCredentials.directoryUser):\(DemoCredentials.directoryPassword)"
    }

    /// The text after `scheme ` in the Authorization header, when the scheme matches.
    private static func credentials(in request: HTTPRequest, scheme: String) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == scheme else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
