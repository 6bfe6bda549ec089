import FlowDashCore
import Foundation

/// What one step did: the record to store, the outcome later templates may read, and what it
/// proved about its connection's credentials.
struct StepResult: Sendable {
    let record: StepRecord
    let outcome: StepOutcome?
    let connectionStatus: ConnectionStatus?

    var succeeded: Bool { record.status == .succeeded }
}

/// Performs one step: renders it, sends it through its connection, and judges the answer.
/// Everything it returns for storage is sanitised and redacted.
struct StepExecutor: Sendable {
    let transport: HTTPTransport
    let connections: [String: ConnectionDefinition]
    let secrets: [String: Secret]
    let redactor: SecretRedactor

    func execute(_ step: StepDefinition, context: TemplateContext) async -> StepResult {
        let prepared: PreparedRequest
        do {
            prepared = try prepare(step, context: context)
        } catch {
            return failure(error.error, request: nil)
        }
        switch await transport.send(prepared.urlRequest) {
        case .failed(let error):
            return failure(error, request: prepared.description)
        case .response(let status, let body):
            return judge(step, status: status, body: body, request: prepared.description)
        }
    }

    private func prepare(_ step: StepDefinition, context: TemplateContext) throws(StepFailure) -> PreparedRequest {
        guard let connection = connections[step.connection] else {
            throw StepFailure(StepError(
                code: TransportCode.missingConnection,
                message: "connection '\(step.connection)' is not defined in connections.yaml"))
        }
        let credential = try ConnectionCredential.make(for: connection, secret: secrets[step.connection])
        return try StepRequestBuilder.prepare(step, through: connection, credential: credential, context: context)
    }

    private func judge(_ step: StepDefinition, status: Int, body: Data, request: String) -> StepResult {
        let text = ResponseText.body(body)
        let outcome = StepOutcome(status: status, body: text)
        let output = redactor.redact(TextSanitizer.clean(text, singleLine: false))
        let proven: ConnectionStatus? = (200..<300).contains(status) ? .connected : nil
        guard step.accepts(status: status) else {
            let error = StepError(httpStatus: status, message: ResponseText.failureMessage(status: status, body: body))
            let refused = status == 401 || status == 403
            return StepResult(
                record: StepRecord(status: .failed, error: redactor.redact(error), request: redactor.redact(request), output: output),
                outcome: outcome, connectionStatus: refused ? .unauthorized : proven)
        }
        return StepResult(
            record: StepRecord(status: .succeeded, request: redactor.redact(request), output: output),
            outcome: outcome, connectionStatus: proven)
    }

    private func failure(_ error: StepError, request: String?) -> StepResult {
        StepResult(
            record: StepRecord(status: .failed, error: redactor.redact(error), request: request.map(redactor.redact)),
            outcome: nil, connectionStatus: nil)
    }
}
