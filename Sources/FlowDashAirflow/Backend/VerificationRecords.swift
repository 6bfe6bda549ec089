import FlowDashCore
import Foundation

/// What this backend's verifies proved, by connection: Airflow stores no test result, so the
/// connections list can only say what FlowDash itself has seen since it started.
actor VerificationRecords {
    private var records: [String: VerificationRecord] = [:]

    func record(of connection: String) -> VerificationRecord? {
        records[connection]
    }

    func all() -> [String: VerificationRecord] {
        records
    }

    /// Keeps the outcome; an inconclusive verify leaves what was known before.
    func remember(_ outcome: VerificationOutcome, of connection: String, at date: Date) {
        switch outcome {
        case .verified:
            records[connection] = VerificationRecord(status: .connected, at: date, lastError: nil)
        case .rejected(let error):
            records[connection] = VerificationRecord(status: .unauthorized, at: date, lastError: "\(error.code) \(error.message)")
        case .inconclusive:
            break
        }
    }
}
