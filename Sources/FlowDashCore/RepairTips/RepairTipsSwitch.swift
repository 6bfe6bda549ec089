/// Where the per-flow repair-tips switch is kept. Tips are on for every flow until switched
/// off. The embedded engine keeps it in its store; for other backends the CLI supplies a small
/// local file (the switch is FlowDash's, not the engine's).
public protocol RepairTipsSwitch: Sendable {
    /// The flows whose owner switched repair tips off.
    func flowsWithTipsOff() async throws -> Set<String>
    func setTips(enabled: Bool, forFlow flow: String) async throws
}
