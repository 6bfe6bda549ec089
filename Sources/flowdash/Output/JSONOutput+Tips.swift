import FlowDashCore
import Foundation

/// The `flowdash tips --json` shape (docs/JSON.md, "Repair tips").
extension JSONOutput {
    struct RepairTip: Encodable {
        struct When: Encodable {
            let firstFailedAt: Date
            let firstFailedRunId: String
        }

        struct WhatHappened: Encodable {
            let kind: String
            let step: String
            let connection: String?
            let code: String
            let message: String
            let text: String
        }

        struct FixStep: Encodable {
            let text: String
            let key: String?
            let command: String?
        }

        struct Troubleshooting: Encodable {
            let failureCount: Int
            let failureCountIsLowerBound: Bool
            let lastRunId: String
            let lastInputs: [String: String]
            let rerunCommand: String
            let rerunKey: String
        }

        let flow: String
        let tipsOff: Bool
        let when: When
        let whatHappened: WhatHappened
        let howToFix: [FixStep]
        let troubleshooting: Troubleshooting

        init(_ tip: FlowDashCore.RepairTip) {
            flow = tip.flow
            tipsOff = tip.tipsOff
            when = When(firstFailedAt: tip.firstFailedAt, firstFailedRunId: tip.firstFailedRun.rawValue)
            let diagnosis = tip.diagnosis
            whatHappened = WhatHappened(
                kind: diagnosis.kind.rawValue, step: diagnosis.step, connection: diagnosis.connection,
                code: diagnosis.error.code, message: TextSanitizer.clean(diagnosis.error.message),
                text: TextSanitizer.clean(DiagnosisText.whatHappened(diagnosis)))
            howToFix = tip.fixSteps.map { FixStep(text: TextSanitizer.clean($0.text), key: $0.key, command: $0.command) }
            troubleshooting = Troubleshooting(
                failureCount: tip.failureCount, failureCountIsLowerBound: tip.failureCountIsLowerBound,
                lastRunId: tip.lastRun.rawValue, lastInputs: tip.lastInputs.values,
                rerunCommand: tip.rerunCommand, rerunKey: FlowDashCore.RepairTip.rerunKey)
        }
    }

    struct TipsSwitch: Encodable {
        let flow: String
        let tipsOn: Bool
    }
}
