import FlowDashCore
import Foundation

/// Runs: the activity list and one run with its steps.
extension AirflowBackend {
    /// Runs newest first (by `run_after`, which every run has, even a queued one), a page at a
    /// time up to `query.limit`, with cursor paging so runs arriving meanwhile do not shift the
    /// pages. Each failed run carries its failure, read from its failed task's log once and then
    /// cached.
    public func activity(_ query: ActivityQuery) async throws -> [RunSummary] {
        guard query.limit > 0 else { return [] }
        let dag = try query.flow.map(DAGName.validated) ?? "~"
        let notFound = query.flow.map { BackendError.flowNotFound($0) }
        var runs: [DAGRunDTO] = []
        var seen: Set<RunID> = []
        var cursor = ""
        while runs.count < query.limit {
            let pageLimit = min(configuration.pageSize, query.limit - runs.count)
            var parameters = [
                URLQueryItem(name: "order_by", value: "-run_after"),
                URLQueryItem(name: "limit", value: String(pageLimit)),
                URLQueryItem(name: "cursor", value: cursor),
            ]
            if query.failedOnly { parameters.append(URLQueryItem(name: "state", value: "failed")) }
            let page = try await client.fetch(DAGRunPage.self, .api(
                .get, ["dags", dag, "dagRuns"], query: parameters, notFound: notFound))
            runs += page.dagRuns.filter { seen.insert(RunMapping.runID(of: $0)).inserted }
            guard let next = page.nextCursor, !next.isEmpty, page.dagRuns.count >= pageLimit else { break }
            cursor = next
        }
        runs = Array(runs.prefix(query.limit))
        let failedRuns = runs.filter { StateMapping.runStatus($0.state) == .failed }
        let failures = try await concurrentMap(failedRuns, limit: configuration.maximumConcurrentRequests) { run in
            (RunMapping.runID(of: run), await self.cachedFailure(of: run))
        }
        let failureByRun = Dictionary(failures, uniquingKeysWith: { first, _ in first })
        return runs.map { run in
            RunMapping.summary(of: run, failure: failureByRun[RunMapping.runID(of: run)] ?? nil)
        }
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
        let steps = StepMapping.steps(of: instances, failures: Dictionary(logs, uniquingKeysWith: { first, _ in first }))
        let failure = Self.runFailure(of: steps)
        if StateMapping.runStatus(run.state) == .failed {
            await failureCache.remember(failure, of: id, endedAt: run.endDate)
        }
        return RunDetail(summary: RunMapping.summary(of: run, failure: failure), steps: steps)
    }

    /// The first failed step's error, as the run's failure.
    static func runFailure(of steps: [StepRun]) -> RunFailure? {
        guard let step = steps.first(where: { $0.status == .failed }), let error = step.error else { return nil }
        return RunFailure(error: error, step: step.name)
    }

    static func runPath(_ address: AirflowRunID) -> [String] {
        ["dags", address.dagID, "dagRuns", address.dagRunID]
    }

    // MARK: Failures

    /// A failed run's failure from the cache, or looked up; a lookup that fails leaves the run
    /// without one (the list still shows it failed) and is tried again on the next refresh.
    private func cachedFailure(of run: DAGRunDTO) async -> RunFailure? {
        let id = RunMapping.runID(of: run)
        if let known = await failureCache.failure(of: id, endedAt: run.endDate) { return known }
        do {
            let failure = try await lookUpFailure(of: run)
            await failureCache.remember(failure, of: id, endedAt: run.endDate)
            return failure
        } catch {
            logger.notice("could not read why a run failed", metadata: ["run": "\(id)", "error": "\(error)"])
            return nil
        }
    }

    /// Two requests: the run's failed task instances, then the first one's log.
    private func lookUpFailure(of run: DAGRunDTO) async throws -> RunFailure? {
        guard let address = AirflowRunID(dagID: run.dagID, dagRunID: run.dagRunID) else { return nil }
        let page = try await client.fetch(TaskInstancePage.self, .api(
            .get, Self.runPath(address) + ["taskInstances"], query: [
                URLQueryItem(name: "state", value: "failed"),
                URLQueryItem(name: "limit", value: String(configuration.pageSize)),
            ]))
        guard let first = StepMapping.ordered(page.taskInstances).first(where: { StateMapping.stepStatus($0.state) == .failed })
        else { return nil }
        let log = try await logFailure(of: first, in: address)
        return RunFailure(error: log.error, step: StepMapping.name(of: first))
    }

    /// The failure in the log of the instance's latest try. A log Airflow cannot find (a task
    /// marked failed by hand, a try that never started) still yields a step error saying so.
    func logFailure(of instance: TaskInstanceDTO, in address: AirflowRunID) async throws -> LogFailure {
        let attempt = instance.tryNumber ?? 0
        guard attempt > 0 else { return .unreadableLog(tryNumber: attempt, reason: "does not exist: the task never ran") }
        let request = AirflowRequest.api(
            .get, Self.runPath(address) + ["taskInstances", instance.taskID, "logs", String(attempt)], query: [
                URLQueryItem(name: "map_index", value: String(instance.mapIndex ?? -1)),
                URLQueryItem(name: "full_content", value: "true"),
            ])
        do {
            return LogFailure.from(try await client.fetch(TaskLogDTO.self, request).content)
        } catch let error as AirflowError where error.status == 404 {
            return .unreadableLog(tryNumber: attempt, reason: "was not found")
        }
    }
}
