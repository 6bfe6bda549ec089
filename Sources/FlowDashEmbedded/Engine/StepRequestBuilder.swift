import FlowDashCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A step's request ready to send, and how it is shown: `METHOD URL` and its header names,
/// with every value that could carry a credential replaced by `[redacted]`.
struct PreparedRequest: Sendable {
    let urlRequest: URLRequest
    let description: String
}

/// Renders a step's templates and puts its connection's credential on the request.
enum StepRequestBuilder {
    /// Header values harmless to keep in the stored request text; any other value is hidden,
    /// because a template may put a token fetched by an earlier step into a custom header.
    static let shownHeaderValues: Set<String> = [
        "accept", "accept-encoding", "accept-language", "content-type", "user-agent",
    ]

    static func prepare(
        _ step: StepDefinition, through connection: ConnectionDefinition, credential: ConnectionCredential?,
        context: TemplateContext
    ) throws(StepFailure) -> PreparedRequest {
        let path = try render(step.path, context)
        let base = connection.baseURL.hasSuffix("/") ? String(connection.baseURL.dropLast()) : connection.baseURL
        let address = base + path
        guard let url = URL(string: address), url.scheme != nil, url.host != nil else {
            throw StepFailure(StepError(
                code: TransportCode.invalidDefinition, message: "'\(TextSanitizer.clean(address))' is not a valid URL"))
        }
        var request = URLRequest(url: url, timeoutInterval: step.timeout)
        request.httpMethod = step.method.uppercased()
        var shownHeaders: [(name: String, value: String)] = []
        for (name, template) in step.headers.sorted(by: { $0.key < $1.key }) {
            let value = try render(template, context)
            request.setValue(value, forHTTPHeaderField: name)
            let shown = shownHeaderValues.contains(name.lowercased()) ? value : SecretRedactor.marker
            shownHeaders.append((name, shown))
        }
        if let credential {
            request.setValue(credential.headerValue, forHTTPHeaderField: credential.headerName)
            shownHeaders.removeAll { $0.name.lowercased() == credential.headerName.lowercased() }
            shownHeaders.append((credential.headerName, SecretRedactor.marker))
        }
        if let body = step.body {
            request.httpBody = Data(try render(body, context).utf8)
        }
        let lines = ["\(request.httpMethod ?? "GET") \(url.absoluteString)"] + shownHeaders.map { "\($0.name): \($0.value)" }
        return PreparedRequest(urlRequest: request, description: TextSanitizer.clean(lines.joined(separator: "\n"), singleLine: false))
    }

    private static func render(_ text: String, _ context: TemplateContext) throws(StepFailure) -> String {
        do {
            return try Template.render(text, in: context)
        } catch {
            throw StepFailure(StepError(code: TransportCode.invalidDefinition, message: TextSanitizer.clean(error.description)))
        }
    }
}
