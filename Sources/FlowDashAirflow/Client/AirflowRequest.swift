import FlowDashCore
import Foundation

/// One call to the Airflow API, described as data so the client can send, renew and retry it.
struct AirflowRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET", post = "POST", patch = "PATCH"
    }

    let method: Method
    /// Path segments below the base URL, not yet percent-encoded (`["api", "v2", "dags", "~"]`).
    let segments: [String]
    let query: [URLQueryItem]
    let body: Data?
    /// What a 404 means for this call (`runNotFound`, …); nil leaves it an `AirflowError`.
    let notFound: BackendError?
    /// False only for the token exchange itself.
    let needsToken: Bool

    /// A call below `/api/v2/`.
    static func api(
        _ method: Method, _ segments: [String], query: [URLQueryItem] = [], body: Data? = nil,
        notFound: BackendError? = nil
    ) -> AirflowRequest {
        AirflowRequest(method: method, segments: ["api", "v2"] + segments, query: query, body: body,
                       notFound: notFound, needsToken: true)
    }

    /// `POST /auth/token`; the body holds the password, so it is built here and never logged.
    static func tokenExchange(username: String, password: Secret) throws -> AirflowRequest {
        let body = try JSONEncoder().encode(["username": username, "password": password.reveal()])
        return AirflowRequest(method: .post, segments: ["auth", "token"], query: [], body: body,
                              notFound: nil, needsToken: false)
    }

    /// `GET /api/v2/dags/x`: how errors and logs name the call. Ids stay readable (not encoded),
    /// and the query is left out because it never identifies what failed.
    var endpoint: String { "\(method.rawValue) /\(segments.joined(separator: "/"))" }

    /// The full URL under `base`, every segment and query value strictly percent-encoded:
    /// run ids hold `:`, `+` and even `/`, and a raw `+` in a query would arrive as a space.
    func url(under base: URL) -> URL? {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        for segment in segments {
            guard let encoded = segment.addingPercentEncoding(withAllowedCharacters: Self.unreserved) else { return nil }
            text += "/" + encoded
        }
        if !query.isEmpty {
            let pairs = query.compactMap { item -> String? in
                guard let name = item.name.addingPercentEncoding(withAllowedCharacters: Self.unreserved),
                      let value = (item.value ?? "").addingPercentEncoding(withAllowedCharacters: Self.unreserved)
                else { return nil }
                return "\(name)=\(value)"
            }
            text += "?" + pairs.joined(separator: "&")
        }
        return URL(string: text)
    }

    /// RFC 3986 unreserved characters; `~` stays literal because Airflow reads it as "all".
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
