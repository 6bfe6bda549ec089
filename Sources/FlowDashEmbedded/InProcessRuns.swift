import FlowDashCore

/// The runs this process executes as tasks, so a caller can wait until all have finished.
actor InProcessRuns {
    private var tasks: [RunID: Task<Void, Never>] = [:]

    /// Starts `work` now; the run stays tracked until it returns.
    func launch(_ id: RunID, _ work: @escaping @Sendable () async -> Void) {
        // why: detached, so the run executes on the global pool and not on this actor; it can
        // only unregister after this method has registered it, since both need the actor.
        tasks[id] = Task.detached {
            await work()
            await self.finished(id)
        }
    }

    /// Returns once no tracked run is left, including runs launched while waiting.
    func waitUntilIdle() async {
        while let task = tasks.values.first {
            await task.value
        }
    }

    var count: Int { tasks.count }

    private func finished(_ id: RunID) {
        tasks[id] = nil
    }
}
