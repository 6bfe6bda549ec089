import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Follows a redirect only to the same scheme, host and port. A redirect elsewhere would carry
/// the connection's credentials to a host the workspace never named, so the step gets the 3xx
/// answer instead and fails visibly.
final class SameOriginRedirects: NSObject, URLSessionTaskDelegate, Sendable {
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
