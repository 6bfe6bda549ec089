import FlowDashCore
import Foundation

/// What the caller adds to a support bundle that the service cannot know: FlowDash's version,
/// the configuration (already without its secrets) and secret values to remove wherever they appear.
public struct SupportContext: Sendable {
    public var flowdashVersion: String
    /// Setting → value, e.g. `profiles.prod.password` → `[redacted]`.
    public var configuration: [String: String]
    public var knownSecrets: [String]

    public init(flowdashVersion: String = "unknown", configuration: [String: String] = [:], knownSecrets: [String] = []) {
        self.flowdashVersion = flowdashVersion
        self.configuration = configuration
        self.knownSecrets = knownSecrets
    }
}

/// Everything support needs to understand a run, with every secret removed (docs/HELP.md).
/// Each part becomes one JSON file of the archive.
public struct SupportBundle: Sendable, Hashable {
    public struct Environment: Sendable, Hashable, Encodable {
        public let flowdashVersion: String
        public let backend: String
        public let operatingSystem: String
        public let createdAt: Date
        public let configuration: [String: String]
    }

    public struct Failure: Sendable, Hashable, Encodable {
        public let kind: String
        public let code: String
        public let message: String
        public let step: String?
    }

    public struct Run: Sendable, Hashable, Encodable {
        public let runId: String
        public let flow: String
        public let status: String
        public let startedAt: Date
        public let finishedAt: Date?
        public let durationMs: Int?
        public let inputs: [String: String]
        public let resubmittedFrom: String?
        public let failure: Failure?
    }

    public struct Step: Sendable, Hashable, Encodable {
        public let position: Int
        public let name: String
        public let status: String
        public let failing: Bool
        public let connection: String?
        public let startedAt: Date?
        public let finishedAt: Date?
        public let durationMs: Int?
        public let errorCode: String?
        public let errorMessage: String?
        public let request: String?
        public let output: String?
    }

    public struct Diagnosis: Sendable, Hashable, Encodable {
        public let kind: String
        public let step: String
        public let connection: String?
        public let code: String
        public let message: String
        public let whatHappened: String
        public let howToFix: [String]
        /// Ids of the matching self-help entries, best first.
        public let solutions: [String]
    }

    public let environment: Environment
    public let run: Run
    public let steps: [Step]
    public let diagnosis: Diagnosis?
}

extension SupportBundle {
    /// Builds the bundle from a report; every text passes through `redactor`.
    init(report: RunReport, backend: String, context: SupportContext, solutions: [String],
         redactor: SupportBundleRedactor, now: Date) {
        let detail = report.detail
        let summary = detail.summary
        let failingPosition = detail.failingStep?.position
        environment = Environment(
            flowdashVersion: context.flowdashVersion, backend: backend,
            operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString, createdAt: now,
            configuration: context.configuration.reduce(into: [:]) { result, setting in
                result[setting.key] = SupportBundleRedactor.namesSecret(setting.key)
                    ? SupportBundleRedactor.mask : redactor.redact(setting.value)
            })
        run = Run(
            runId: summary.id.rawValue, flow: summary.flow, status: summary.status.rawValue,
            startedAt: summary.startedAt, finishedAt: summary.finishedAt, durationMs: summary.duration.map(Self.milliseconds),
            inputs: summary.inputs.values.reduce(into: [:]) { result, input in
                result[input.key] = SupportBundleRedactor.namesSecret(input.key)
                    ? SupportBundleRedactor.mask : redactor.redact(input.value)
            },
            resubmittedFrom: summary.resubmittedFrom?.rawValue,
            failure: summary.failure.map {
                Failure(kind: $0.kind.rawValue, code: $0.code, message: redactor.redact(TextSanitizer.clean($0.message)), step: $0.step)
            })
        steps = detail.steps.map { step in
            Step(position: step.position, name: step.name, status: step.status.rawValue,
                 failing: step.position == failingPosition, connection: step.connection,
                 startedAt: step.startedAt, finishedAt: step.finishedAt, durationMs: step.duration.map(Self.milliseconds),
                 errorCode: step.error?.code, errorMessage: redactor.redact(step.error.map { TextSanitizer.clean($0.message) }),
                 request: redactor.redact(step.request), output: redactor.redact(step.output))
        }
        diagnosis = report.diagnosis.map { diagnosis in
            Diagnosis(kind: diagnosis.kind.rawValue, step: diagnosis.step, connection: diagnosis.connection,
                      code: diagnosis.error.code, message: redactor.redact(TextSanitizer.clean(diagnosis.error.message)),
                      whatHappened: redactor.redact(TextSanitizer.clean(DiagnosisText.whatHappened(diagnosis))),
                      // why: FlowDash writes these from names and ids; the patterns would blank "secret: flowdash …".
                      howToFix: DiagnosisText.howToFix(diagnosis, runID: summary.id).map { redactor.removingKnownSecrets($0) },
                      solutions: solutions)
        }
    }

    static func milliseconds(_ interval: TimeInterval) -> Int { Int((interval * 1000).rounded()) }
}
