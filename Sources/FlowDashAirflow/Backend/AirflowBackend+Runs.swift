import FlowDashCore
import Foundation

/// Runs: the activity list and one run with its steps.
extension AirflowBackend {
    /// Runs newest first, up to `query.limit`, never more: the first call lists them in pages;
    /// later calls ask for one page of the runs changed since the previous one and merge them
    /// in, with a full reload when more changed and every `fullRefreshInterval`. Each failed run carries its failure, looked up
    /// in bulk and read from its failed task's log once, then cached.
    public func activity(_ query: ActivityQuery) async throws -> [RunSummary] {
        guard query.limit > 0 else { return [] }
        let runs = try await currentRuns(of: query)
        let failures = await failures(of: runs)
        return runs.map { run in RunMapping.summary(of: run, failure: failures[RunMapping.runID(of: run)] ?? nil) }
    }

    /// The query's window, refreshed from the previous one when it is recent enough.
    private func currentRuns(of query: ActivityQuery) async throws -> [DAGRunDTO] {
        let dag = try query.flow.map(DAGName.validated) ?? "~"
        let notFound = query.flow.map { BackendError.flowNotFound($0) }
        let started = ContinuousClock.now
        if let previous = await runWindows.window(for: query), let since = previous.serverTime,
           started - previous.fullyLoadedAt < configuration.fullRefreshInterval {
            // why: no state filter, even for failed runs only: a failed run cleared and queued
            // again has to be seen changing to leave the list.
            let filter = RunFilter(
                updatedSince: since.addingTimeInterval(-ServerTime.overlap),
                runAfterAtLeast: RunWindow.lowerBound(of: previous.runs, limit: query.limit))
            // why: one page at most; when more changed, the pages read would be wasted on top
            // of the full reload that follows, so the reload comes one request later instead.
            let changed = try await listRuns(of: dag, notFound: notFound, filter: filter,
                                             limit: min(query.limit, configuration.pageSize))
            if changed.isComplete, let merged = RunWindow.merged(
                previous.runs, with: changed.runs, limit: query.limit, failedOnly: query.failedOnly) {
                await runWindows.store(RunWindow(runs: merged, serverTime: changed.serverTime,
                                                 fullyLoadedAt: previous.fullyLoadedAt), for: query)
                return merged
            }
            logger.debug("airflow activity: too much changed to merge, reloading", metadata: ["query": "\(query)"])
        }
        let filter = RunFilter(states: query.failedOnly ? ["failed"] : [])
        let listing = try await listRuns(of: dag, notFound: notFound, filter: filter, limit: query.limit)
        await runWindows.store(RunWindow(runs: listing.runs, serverTime: listing.serverTime, fullyLoadedAt: started),
                               for: query)
        return listing.runs
    }

    /// The run with every task instance as a step; only failed tasks' logs are read.
    public func run(_ id: RunID) async throws -> RunDetail {
        guard let address = AirflowRunID(id) else { throw BackendError.runNotFound(id) }
        let notFound = BackendError.runNotFound(id)
        let run = try await client.fetch(DAGRunDTO.self, .api(.get, Self.runPath(address), notFound: notFound))
        let instances = try await allPages { offset, limit in
            let page = try await self.client.fetch(TaskInstancePage.self, .api(
                .get, Self.runPath(address) + ["taskInstances"], query: [
                    URLQueryItem(name: "limit", value: String(limit)), URLQueryItem(name: "offset", value: String(offset)),
                ], notFound: notFound))
            return (page.taskInstances, page.totalEntries)
        }
        let failed = instances.filter { StateMapping.stepStatus($0.state) == .failed }
        let logs = try await concurrentMap(failed, limit: configuration.maximumConcurrentRequests) { instance in
            (TaskKey(instance), try await self.logFailure(of: instance, in: address))
        }
        let logsByTask = Dictionary(logs, uniquingKeysWith: { first, _ in first })
        let leads = await connectionLeads(of: failed.map { ($0, logsByTask[TaskKey($0)]) }, dagID: address.dagID)
        let steps = StepMapping.steps(of: instances, failures: logsByTask, leads: leads)
        let failure = Self.runFailure(of: steps)
        if StateMapping.runStatus(run.state) == .failed {
            await failureCache.remember(failure, of: id, endedAt: run.endDate)
            await saveFailureCache()
        }
        return RunDetail(summary: RunMapping.summary(of: run, failure: failure), steps: steps)
    }

    /// The first failed step's error, as the run's failure, through its connection when one is known.
    static func runFailure(of steps: [StepRun]) -> RunFailure? {
        guard let step = steps.first(where: { $0.status == .failed }), let error = step.error else { return nil }
        return RunFailure(error: error, step: step.name, connection: step.connection)
    }

    static func runPath(_ address: AirflowRunID) -> [String] {
        ["dags", address.dagID, "dagRuns", address.dagRunID]
    }
}
