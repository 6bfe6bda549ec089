import FlowDashCore
import FlowDashService
import Foundation

/// The documented JSON shapes (docs/JSON.md). They are built here from the core model so that
/// renaming a Swift property can never silently change what scripts read.
enum JSONOutput {
    struct Failure: Encodable {
        let kind: String
        let code: String
        let message: String
        let step: String?
        let connection: String?

        init(kind: String, code: String, message: String, step: String?, connection: String? = nil) {
            self.kind = kind
            self.code = code
            self.message = message
            self.step = step
            self.connection = connection
        }

        init(_ failure: RunFailure) {
            self.init(kind: failure.kind.rawValue, code: failure.code, message: TextSanitizer.clean(failure.message),
                      step: failure.step, connection: failure.connection)
        }
    }

    struct Run: Encodable {
        let runId: String
        let flow: String
        let status: String
        let startedAt: Date
        let finishedAt: Date?
        let inputs: [String: String]
        let resubmittedFrom: String?
        let failure: Failure?

        init(_ run: RunSummary) {
            runId = run.id.rawValue
            flow = run.flow
            status = run.status.rawValue
            startedAt = run.startedAt
            finishedAt = run.finishedAt
            inputs = run.inputs.values
            resubmittedFrom = run.resubmittedFrom?.rawValue
            failure = run.failure.map(Failure.init)
        }
    }

    struct StepError: Encodable {
        let code: String
        let message: String
    }

    struct Step: Encodable {
        let position: Int
        let name: String
        let status: String
        let failing: Bool
        let connection: String?
        /// Every connection the step may have gone through, with how it was found (Airflow).
        let connectionCandidates: [ConnectionCandidate]
        let startedAt: Date?
        let finishedAt: Date?
        let durationMs: Int?
        let error: StepError?
        let request: String?
    }

    struct ConnectionCandidate: Encodable {
        let name: String
        /// `operatorField`, `taskLog`, `hostMatch` or `definitionSource`.
        let foundVia: String
        /// False: the backend cannot list it (so it cannot be verified through FlowDash).
        let listed: Bool

        init(_ lead: ConnectionLead) {
            name = lead.name
            foundVia = lead.evidence.rawValue
            listed = lead.isListed
        }
    }

    struct Diagnosis: Encodable {
        let kind: String
        let whatHappened: String
        let howToFix: [String]
    }

    struct RunReport: Encodable {
        let run: Run
        let steps: [Step]
        let diagnosis: Diagnosis?

        init(_ report: FlowDashService.RunReport) {
            let detail = report.detail
            run = Run(detail.summary)
            let failingPosition = detail.failingStep?.position
            steps = detail.steps.map { step in
                Step(position: step.position, name: step.name, status: step.status.rawValue,
                     failing: step.position == failingPosition, connection: step.connection,
                     connectionCandidates: step.connectionLeads.map(ConnectionCandidate.init),
                     startedAt: step.startedAt, finishedAt: step.finishedAt,
                     durationMs: step.duration.map { Int(($0 * 1000).rounded()) },
                     error: step.error.map { StepError(code: $0.code, message: TextSanitizer.clean($0.message)) },
                     request: step.request.map { TextSanitizer.clean($0) })
            }
            diagnosis = report.diagnosis.map {
                Diagnosis(kind: $0.kind.rawValue, whatHappened: TextSanitizer.clean(DiagnosisText.whatHappened($0)),
                          howToFix: DiagnosisText.howToFix($0, runID: detail.summary.id))
            }
        }
    }

    struct Connection: Encodable {
        let name: String
        let auth: String
        let target: String
        let status: String
        let lastVerifiedAt: Date?
        let lastError: String?

        init(_ connection: ConnectionInfo) {
            name = connection.name
            auth = connection.auth
            target = connection.target
            status = connection.status.rawValue
            lastVerifiedAt = connection.lastVerifiedAt
            lastError = connection.lastError.map { TextSanitizer.clean($0) }
        }
    }

    struct Verification: Encodable {
        let connection: String
        let verified: Bool
        let outcome: String
        let code: String?
        let message: String?
    }

    struct Flow: Encodable {
        let name: String
        let description: String?
        let owner: String?
        let steps: Int
        let inputs: [String: String]

        init(_ flow: FlowSummary) {
            name = flow.name
            description = flow.description
            owner = flow.owner
            steps = flow.stepCount
            inputs = flow.inputs.values
        }
    }

    /// Encodes with sorted keys and ISO 8601 dates, so output is stable byte for byte.
    static func print<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}
