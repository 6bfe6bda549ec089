import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The transport over URLSession. TLS certificates are checked by URLSession as usual.
final class URLSessionTransport: AirflowTransport {
    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        // why: every answer must come from the server, and no cookie may ride along with the
        // Bearer token.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: SameOriginRedirects(), delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    func send(_ request: URLRequest, timeout: Duration) async throws -> HTTPReply {
        let (answers, answer) = AsyncStream.makeStream(of: Result<HTTPReply, TransportFailure>.self,
                                                       bufferingPolicy: .bufferingNewest(1))
        let task = session.dataTask(with: request) { body, response, error in
            answer.yield(Self.result(body: body, response: response, error: error))
            answer.finish()
        }
        // why: URLSession on Linux does not enforce short request timeouts (seen in the embedded
        // engine), so the deadline is kept here and cancels the task itself.
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            task.cancel()
        }
        task.resume()
        let result = await withTaskCancellationHandler {
            var iterator = answers.makeAsyncIterator()
            return await iterator.next()
        } onCancel: {
            task.cancel()
        }
        watchdog.cancel()
        try Task.checkCancellation()
        switch result {
        case .success(let reply)?: return reply
        // why: the caller was not cancelled (checked above), so a cancelled task is the
        // watchdog's doing, and URLSession's own timeout means the same deadline passed.
        case .failure(.cancelled)?, .failure(.timedOut)?, nil: throw TransportFailure.timedOut(after: timeout)
        case .failure(let failure)?: throw failure
        }
    }

    private static func result(body: Data?, response: URLResponse?, error: (any Error)?) -> Result<HTTPReply, TransportFailure> {
        if let error { return .failure(failure(for: error)) }
        guard let http = response as? HTTPURLResponse else { return .failure(.other("the answer was not HTTP")) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return .success(HTTPReply(status: http.statusCode, headers: headers, body: body ?? Data()))
    }

    private static func failure(for error: any Error) -> TransportFailure {
        guard let urlError = error as? URLError else { return .other("the request failed") }
        switch urlError.code {
        case .cancelled: return .cancelled
        case .timedOut: return .timedOut(after: .zero)
        case .cannotConnectToHost: return .refused
        case .networkConnectionLost: return .reset
        case .cannotFindHost, .dnsLookupFailed: return .hostNotFound
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired:
            return .tls
        default: return .other("the request failed (URL error \(urlError.code.rawValue))")
        }
    }
}

/// Follows a redirect only to the same scheme, host and port: the Bearer token must not travel
/// to a host the configuration never named.
private final class SameOriginRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let origin = task.originalRequest?.url
        let target = request.url
        let sameOrigin = origin?.scheme == target?.scheme && origin?.host == target?.host && origin?.port == target?.port
        completionHandler(sameOrigin ? request : nil)
    }
}
