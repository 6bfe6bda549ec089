import FlowDashCore
import Foundation
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Talks to the Airflow REST API v2: signs in, sends the Bearer token, renews it once when the
/// server refuses it, and turns every failure into a typed error without any secret in it.
actor AirflowClient {
    private let configuration: AirflowConfiguration
    private let transport: any AirflowTransport
    private let logger: Logger
    private var token: Secret?
    /// The sign-in in flight, so that callers arriving meanwhile wait for it instead of each
    /// signing in again.
    private var signIn: Task<Secret, any Error>?
    /// Waits before a retry; tests pass one that does not really wait.
    private let pause: @Sendable (Duration) async throws -> Void

    init(
        configuration: AirflowConfiguration, transport: any AirflowTransport,
        logger: Logger = Logger(label: "flowdash.airflow"),
        pause: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.logger = logger
        self.pause = pause
    }

    /// Sends `request` and decodes its 2xx answer.
    func fetch<Value: Decodable & Sendable>(
        _ type: Value.Type, _ request: AirflowRequest, hiding extraSecrets: [Secret] = []
    ) async throws -> Value {
        let reply = try await send(request, hiding: extraSecrets)
        return try ResponseDecoder.decode(type, from: reply.body, endpoint: request.endpoint)
    }

    /// Sends `request` and returns its 2xx answer; `extraSecrets` (a password being sent) are
    /// scrubbed from any error as the credentials are.
    @discardableResult
    func send(_ request: AirflowRequest, hiding extraSecrets: [Secret] = []) async throws -> HTTPReply {
        var retries = 0
        while true {
            let reply = try await sendRenewingToken(request)
            guard let wait = RetryPolicy.wait(before: retries + 1, of: request, after: reply) else {
                return try check(reply, of: request, hiding: extraSecrets)
            }
            retries += 1
            logger.notice("airflow busy; retrying", metadata: [
                "endpoint": "\(request.endpoint)", "status": "\(reply.status)", "wait": "\(wait)",
            ])
            try await pause(wait)
        }
    }

    private func sendRenewingToken(_ request: AirflowRequest) async throws -> HTTPReply {
        let used = try await currentToken()
        let reply = try await exchange(request, token: used)
        if Self.asksForNewToken(reply), case .password = configuration.credentials.kind {
            // why: tokens expire after a day, die with a new jwt_secret and on logout (revoked);
            // one renewal covers all three, and the request cannot have had an effect when it
            // was refused.
            forget(used)
            return try await exchange(request, token: try await currentToken())
        }
        return reply
    }

    // MARK: Token

    private func currentToken() async throws -> Secret {
        if let token { return token }
        if let signIn { return try await signIn.value }
        switch configuration.credentials.kind {
        case .token(let ready):
            token = ready
            return ready
        case .password(let username, let password):
            let attempt = Task { try await self.requestToken(username: username, password: password) }
            signIn = attempt
            defer { signIn = nil }
            let fresh = try await attempt.value
            token = fresh
            return fresh
        }
    }

    private func requestToken(username: String, password: Secret) async throws -> Secret {
        let request = try AirflowRequest.tokenExchange(username: username, password: password)
        let reply = try check(await exchange(request, token: nil), of: request, hiding: [])
        let answer = try ResponseDecoder.decode(TokenAnswer.self, from: reply.body, endpoint: request.endpoint)
        guard !answer.accessToken.isEmpty else {
            throw BackendError.malformedResponse("\(request.endpoint): the access token is empty")
        }
        logger.debug("signed in to Airflow", metadata: ["user": "\(username)"])
        return Secret(answer.accessToken)
    }

    private func forget(_ used: Secret) {
        if token == used { token = nil }
    }

    /// 401, or a 403 saying the JWT itself is bad (wrong signature or audience after a reset,
    /// or revoked by a logout).
    static func asksForNewToken(_ reply: HTTPReply) -> Bool {
        reply.status == 401 || refusesTheToken(reply.status, reply.body)
    }

    /// Airflow's 403 for a token it cannot accept, as opposed to a user who may not do something.
    static func refusesTheToken(_ status: Int, _ body: Data) -> Bool {
        status == 403 && ErrorDetail.detailString(in: body) == "Invalid JWT token"
    }

    // MARK: Exchange

    private func exchange(_ request: AirflowRequest, token: Secret?) async throws -> HTTPReply {
        guard let url = request.url(under: configuration.baseURL) else {
            throw BackendError.unreachable("\(request.endpoint): no valid URL under \(serverURL)")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body = request.body {
            urlRequest.httpBody = body
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token {
            urlRequest.setValue("Bearer \(token.reveal())", forHTTPHeaderField: "Authorization")
        }
        urlRequest.timeoutInterval = Double(configuration.requestTimeout.components.seconds) + 1
        let started = ContinuousClock.now
        do {
            let reply = try await transport.send(urlRequest, timeout: configuration.requestTimeout)
            logger.debug("airflow request", metadata: [
                "endpoint": "\(request.endpoint)", "status": "\(reply.status)",
                "elapsed": "\(ContinuousClock.now - started)",
            ])
            return reply
        } catch let failure as TransportFailure {
            logger.notice("airflow unreachable", metadata: ["endpoint": "\(request.endpoint)", "reason": "\(failure.reason)"])
            throw BackendError.unreachable("\(request.endpoint) at \(serverURL): \(failure.reason)")
        }
    }

    /// The configured URL as the user wrote it, minus any user or password in it.
    private var serverURL: String {
        guard var components = URLComponents(url: configuration.baseURL, resolvingAgainstBaseURL: false),
              components.host != nil else { return "the configured server" }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        var text = components.string ?? "the configured server"
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    private func check(_ reply: HTTPReply, of request: AirflowRequest, hiding extraSecrets: [Secret]) throws -> HTTPReply {
        if (200..<300).contains(reply.status) { return reply }
        let scrubber = scrubber(hiding: extraSecrets)
        let message = ErrorDetail.message(from: reply.body, status: reply.status, scrubber: scrubber)
        let retryAfter = RetryAfter.wait(from: reply.headers["retry-after"], now: Date())
        throw Self.error(status: reply.status, message: message, request: request, retryAfter: retryAfter)
    }

    /// Scrubs the credentials, the current token and `extraSecrets` from text the server sent.
    func scrubber(hiding extraSecrets: [Secret]) -> SecretScrubber {
        SecretScrubber(configuration.credentials.secrets + extraSecrets + [token].compactMap { $0 })
    }

    /// The typed error for a non-2xx status.
    static func error(status: Int, message: String, request: AirflowRequest, retryAfter: Duration?) -> any Error {
        let endpoint = request.endpoint
        switch status {
        case 401 where !request.needsToken: return AirflowError.signInRejected(message)
        case 401: return AirflowError.unauthorized(endpoint: endpoint, message: message)
        case 403 where message == "Invalid JWT token": return AirflowError.unauthorized(endpoint: endpoint, message: message)
        case 403: return AirflowError.forbidden(endpoint: endpoint, message: message)
        case 404: return request.notFound ?? AirflowError.rejected(endpoint: endpoint, status: status, message: message)
        case 429, 500...599:
            return AirflowError.unavailable(endpoint: endpoint, status: status, message: message, retryAfter: retryAfter)
        default: return AirflowError.rejected(endpoint: endpoint, status: status, message: message)
        }
    }
}

/// The answer of `POST /auth/token`.
private struct TokenAnswer: Decodable, Sendable {
    let accessToken: String

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
    }
}
