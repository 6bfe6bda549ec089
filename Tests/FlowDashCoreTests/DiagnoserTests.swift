import FlowDashCore
import Testing

struct DiagnoserTests {
    @Test(arguments: [
        ("401", FailureKind.authentication), ("403", .authentication),
        ("400", .configuration), ("404", .configuration),
        ("500", .transient), ("502", .transient), ("503", .transient), ("504", .transient),
        ("408", .transient), ("429", .transient),
        ("422", .other), ("418", .other), ("409", .other),
    ])
    func httpStatusDecidesTheKind(code: String, expected: FailureKind) {
        #expect(Diagnoser.kind(of: StepError(code: code, message: "whatever")) == expected)
    }

    @Test(arguments: [
        (TransportCode.timeout, FailureKind.transient),
        (TransportCode.connectionRefused, .transient),
        (TransportCode.connectionReset, .transient),
        (TransportCode.missingConnection, .configuration),
        (TransportCode.invalidDefinition, .configuration),
    ])
    func transportCodesHaveKinds(code: String, expected: FailureKind) {
        #expect(Diagnoser.kind(of: StepError(code: code, message: "")) == expected)
    }

    @Test func statusWinsOverWordsInTheMessage() {
        let error = StepError(httpStatus: 502, message: "Unauthorized upstream")
        #expect(Diagnoser.kind(of: error) == .transient)
    }

    @Test(arguments: [
        ("HTTPError: 401 Client Error: UNAUTHORIZED for url", FailureKind.authentication),
        ("requests.exceptions.HTTPError: 404 Not Found", .configuration),
        ("ReadTimeout: read timed out", .transient),
        ("KeyError: 'manager'", .other),
    ])
    func wordsDecideWithoutAStatus(message: String, expected: FailureKind) {
        #expect(Diagnoser.kind(ofMessage: message) == expected)
    }

    @Test func eachKindGetsItsFix() {
        #expect(Diagnoser.fix(for: .authentication, flow: "f", connection: "crm") == [.verifyConnection("crm"), .resubmit])
        #expect(Diagnoser.fix(for: .configuration, flow: "f", connection: "crm") == [.editDefinition(flow: "f"), .resubmit])
        #expect(Diagnoser.fix(for: .transient, flow: "f", connection: nil) == [.resubmit])
        #expect(Diagnoser.fix(for: .other, flow: "f", connection: nil) == [.getHelp])
    }

    @Test func diagnosisNamesStepConnectionAndCommands() throws {
        let step = StepRun(position: 0, name: "fetch-customer", status: .failed, connection: "crm",
                           error: StepError(httpStatus: 401, message: "invalid or expired token"))
        let diagnosis = try #require(Diagnoser.diagnose(flow: "sync-customers", step: step))
        #expect(diagnosis.kind == .authentication)
        let words = DiagnosisText.whatHappened(diagnosis)
        #expect(words.contains("fetch-customer") && words.contains("crm") && words.contains("invalid or expired token"))
        let fix = DiagnosisText.howToFix(diagnosis, runID: RunID("7"))
        #expect(fix == [
            "Re-verify connection 'crm' with a valid secret: flowdash connections verify crm",
            "Resubmit the run with the same inputs: flowdash resubmit 7",
        ])
    }

    @Test func aStepWithoutErrorHasNoDiagnosis() {
        let step = StepRun(position: 0, name: "ok", status: .succeeded, connection: nil)
        #expect(Diagnoser.diagnose(flow: "f", step: step) == nil)
    }
}
