import FlowDashCore
import Foundation
import Testing

struct ModelTests {
    @Test func inputsParseOnTheFirstEquals() throws {
        let inputs = try TriggerInputs.parse(["customer=c-1", "query=a=b", "empty="])
        #expect(inputs == ["customer": "c-1", "query": "a=b", "empty": ""])
    }

    @Test func inputsWithoutAKeyAreRejected() {
        #expect(throws: InputParseError.self) { try TriggerInputs.parse(["=x"]) }
        #expect(throws: InputParseError.self) { try TriggerInputs.parse(["novalue"]) }
    }

    @Test func numericRunIDsSortNumerically() {
        #expect(RunID("9") < RunID("10"))
        #expect([RunID("10"), RunID("2")].sorted() == [RunID("2"), RunID("10")])
    }

    @Test func aSecretNeverPrintsItself() {
        let secret = Secret("hunter2")
        #expect("\(secret)" == "[secret]")
        #expect(String(reflecting: secret) == "[secret]")
        #expect(!"\([secret])".contains("hunter2"))
        #expect(secret.reveal() == "hunter2")
    }

    @Test func statusCodeIsReadFromTheCode() {
        #expect(StepError(code: "502", message: "").httpStatus == 502)
        #expect(StepError(code: "timeout", message: "").httpStatus == nil)
        #expect(StepError(code: "42", message: "").httpStatus == nil)
    }

    @Test func failingStepIsTheFailedOne() {
        let summary = RunSummary(id: RunID("1"), flow: "f", status: .failed, startedAt: Date())
        let steps = [
            StepRun(position: 0, name: "a", status: .succeeded, connection: nil),
            StepRun(position: 1, name: "b", status: .failed, connection: "crm"),
            StepRun(position: 2, name: "c", status: .skipped, connection: nil),
        ]
        #expect(RunDetail(summary: summary, steps: steps).failingStep?.name == "b")
    }

    @Test func problemsPrintAsFileLineColumn() {
        #expect(DefinitionProblem(file: "flows/a.yaml", line: 3, column: 5, message: "bad").description == "flows/a.yaml:3:5: bad")
        #expect(DefinitionProblem(file: "flows/a.yaml", line: nil, message: "bad").description == "flows/a.yaml: bad")
    }
}
