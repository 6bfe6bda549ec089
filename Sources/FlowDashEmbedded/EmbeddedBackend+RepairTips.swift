import FlowDashCore

/// The repair-tips switch lives in the workspace's store, next to the runs it is about.
extension EmbeddedBackend: RepairTipsSwitch {
    public func flowsWithTipsOff() async throws -> Set<String> {
        try Self.storing { try store.flowsWithTipsOff() }
    }

    /// Only a flow the workspace defines can be switched, so a typo is an error, not a dead row.
    public func setTips(enabled: Bool, forFlow flow: String) async throws {
        _ = try await definition(of: flow)  // throws flowNotFound; a broken file still counts
        try await Self.storing { try await store.setTips(enabled: enabled, forFlow: flow) }
    }
}
