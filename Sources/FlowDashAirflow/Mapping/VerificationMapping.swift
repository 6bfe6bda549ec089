import FlowDashCore

/// What Airflow's connection test proved about a secret.
enum VerificationMapping {
    /// The setting that turns the connection test endpoints on; without it they answer 403.
    static let testSetting = "AIRFLOW__CORE__TEST_CONNECTION=Enabled"
    /// Code of a test whose message names no HTTP status and no transport problem.
    static let testFailedCode = "test_failed"

    /// `{"status": true}` verified. A failure Core diagnoses as authentication (`401:Unauthorized`,
    /// `password authentication failed`) is a rejection; any other failure (refused, timeout, a
    /// 5xx, a missing provider) proves nothing.
    static func outcome(status: Bool, message: String?) -> VerificationOutcome {
        if status { return .verified }
        let text = TextSanitizer.truncate(TextSanitizer.clean(message ?? ""), to: LogFailure.messageLimit)
        let error = StepError(code: code(for: text), message: text.isEmpty ? "the connection test failed" : text)
        return Diagnoser.kind(of: error) == .authentication ? .rejected(error) : .inconclusive(error)
    }

    /// The test endpoint answered 403: testing is off, or this Airflow user may not test.
    static func forbidden(detail: String) -> VerificationOutcome {
        let reason = detail.lowercased().contains("disabled")
            ? "connection testing is disabled on this Airflow; set \(testSetting) on the Airflow server"
            : "the Airflow user may not test connections (\(detail)); testing also needs \(testSetting)"
        return .inconclusive(StepError(httpStatus: 403, message: reason))
    }

    private static func code(for message: String) -> String {
        if let status = HTTPStatusFinder.status(in: message) { return String(status) }
        let text = message.lowercased()
        if text.contains("connection refused") { return TransportCode.connectionRefused }
        if text.contains("timed out") || text.contains("timeout") { return TransportCode.timeout }
        if text.contains("ssl") || text.contains("certificate") { return TransportCode.tls }
        if text.contains("name or service not known") || text.contains("nodename nor servname") {
            return TransportCode.hostNotFound
        }
        return testFailedCode
    }
}
