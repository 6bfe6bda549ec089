import FlowDashCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What one HTTP exchange gave: a response of any status, or a transport failure already
/// phrased as a step error.
enum HTTPExchange: Sendable {
    case response(status: Int, body: Data)
    case failed(StepError)
}

/// The one URLSession the engine sends every step and verify through, so connections to the
/// same host stay open between steps and runs.
final class HTTPTransport: Sendable {
    private let session: URLSession
    private let deadlines = RequestDeadlines()

    init(maximumConnectionsPerHost: Int = 64) {
        let configuration = URLSessionConfiguration.ephemeral
        // why: a step must hit the server every time, and one flow's cookies must not leak
        // into another's requests.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost
        // why: each step's own timeout is enforced by `deadlines`; the session's idle timeout
        // (60 s by default) must not cut a step that allows longer.
        configuration.timeoutIntervalForRequest = 24 * 3600
        session = URLSession(configuration: configuration, delegate: SameOriginRedirects(), delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends `request`, giving up after `request.timeoutInterval` seconds in all.
    func send(_ request: URLRequest) async -> HTTPExchange {
        // why: URLSession on Linux ignored a 0.2 s request timeout here (a 2 s answer arrived
        // whole) and elsewhere treats it as an idle timeout, so the deadline is enforced here.
        let (answers, answer) = AsyncStream.makeStream(of: HTTPExchange.self, bufferingPolicy: .bufferingNewest(1))
        let task = session.dataTask(with: request) { body, response, error in
            answer.yield(Self.exchange(body: body, response: response, error: error, request: request))
            answer.finish()
        }
        let ticket = deadlines.watch(task, for: request.timeoutInterval)
        task.resume()
        let exchange = await withTaskCancellationHandler {
            var iterator = answers.makeAsyncIterator()
            return await iterator.next()
        } onCancel: {
            task.cancel()
        }
        deadlines.forget(ticket)
        guard let exchange, !Task.isCancelled else {
            return .failed(StepError(code: TransportCode.interrupted, message: "the request was cancelled"))
        }
        if case .failed(let error) = exchange, error.code == TransportCode.interrupted {
            return .failed(Self.timeoutError(request))
        }
        return exchange
    }

    private static func exchange(body: Data?, response: URLResponse?, error: (any Error)?, request: URLRequest) -> HTTPExchange {
        if let error { return .failed(stepError(for: error, request: request)) }
        guard let http = response as? HTTPURLResponse else {
            return .failed(StepError(code: "protocol_error", message: "the answer was not an HTTP response"))
        }
        return .response(status: http.statusCode, body: body ?? Data())
    }

    private static func timeoutError(_ request: URLRequest) -> StepError {
        StepError(code: TransportCode.timeout,
                  message: "no response from \(hostDescription(request)) within \(formatSeconds(request.timeoutInterval))")
    }

    private static func hostDescription(_ request: URLRequest) -> String {
        guard let url = request.url, let host = url.host else { return "the server" }
        return url.port.map { "\(host):\($0)" } ?? host
    }

    /// Names a transport failure with a shared `TransportCode` so diagnosis does not depend on
    /// this HTTP stack.
    static func stepError(for error: any Error, request: URLRequest) -> StepError {
        let host = hostDescription(request)
        guard let urlError = error as? URLError else {
            return StepError(code: "transport_error", message: TextSanitizer.clean(String(describing: error)))
        }
        switch urlError.code {
        case .timedOut:
            return timeoutError(request)
        case .cannotConnectToHost:
            return StepError(code: TransportCode.connectionRefused, message: "connection refused by \(host)")
        case .networkConnectionLost:
            return StepError(code: TransportCode.connectionReset, message: "connection to \(host) was reset")
        case .cannotFindHost, .dnsLookupFailed:
            return StepError(code: TransportCode.hostNotFound, message: "host \(host) not found")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired:
            return StepError(code: TransportCode.tls, message: "TLS handshake with \(host) failed")
        case .badURL, .unsupportedURL:
            return StepError(code: TransportCode.invalidDefinition, message: "the URL cannot be requested")
        case .cancelled:
            return StepError(code: TransportCode.interrupted, message: "the request to \(host) was cancelled")
        default:
            return StepError(code: "transport_error",
                             message: "request to \(host) failed (\(urlError.code.rawValue)): \(TextSanitizer.clean(urlError.localizedDescription))")
        }
    }

    private static func formatSeconds(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
