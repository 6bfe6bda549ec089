import FlowDashCore
import Foundation

/// Why each failed run of the activity list failed: known failures from the cache, the others
/// from one bulk task-instance request per page of runs, then one log per run (a few at a time).
extension AirflowBackend {
    /// The failure of each failed run in `runs` (an entry may hold nil: a run marked failed by
    /// hand has no failed task). A run whose lookup failed has no entry and is tried again on
    /// the next refresh; the list still shows it failed.
    func failures(of runs: [DAGRunDTO]) async -> [RunID: RunFailure?] {
        var failures: [RunID: RunFailure?] = [:]
        var unknown: [DAGRunDTO] = []
        for run in runs where StateMapping.runStatus(run.state) == .failed {
            let id = RunMapping.runID(of: run)
            if let known = await failureCache.failure(of: id, endedAt: run.endDate) {
                failures[id] = known
            } else {
                unknown.append(run)
            }
        }
        guard !unknown.isEmpty else { return failures }
        let batches = stride(from: 0, to: unknown.count, by: configuration.pageSize).map {
            Array(unknown[$0..<min($0 + configuration.pageSize, unknown.count)])
        }
        // why: two flat phases, each with at most `maximumConcurrentRequests` in flight; logs
        // read inside each batch would multiply the two limits, and Airflow 3.3.2's API server
        // has only 15 database connections (its pool timed out when many logs were read at once).
        let lookups = (try? await concurrentMap(batches, limit: configuration.maximumConcurrentRequests) { batch in
            (batch, await self.firstFailedInstances(ofBatch: batch))
        }) ?? []
        let readable = lookups.flatMap { batch, instances in
            instances.map { found in batch.map { ($0, found[RunKey($0)]) } } ?? []
        }
        let found = (try? await concurrentMap(readable, limit: configuration.maximumConcurrentRequests) { run, instance in
            await self.failure(of: run, failedInstance: instance)
        }) ?? []
        for case let (id, failure)? in found { failures[id] = failure }
        await saveFailureCache()
        return failures
    }

    /// One batch's first failed task instance per run; nil when the lookup failed (its runs
    /// stay unknown and are tried again on the next refresh).
    private func firstFailedInstances(ofBatch runs: [DAGRunDTO]) async -> [RunKey: TaskInstanceDTO]? {
        do {
            return try await firstFailedInstances(of: runs)
        } catch {
            logger.notice("could not read why runs failed", metadata: ["runs": "\(runs.count)", "error": "\(error)"])
            return nil
        }
    }

    /// Nil when the log could not be read (tried again next time); a run without a failed task
    /// has no failure, and that is remembered too.
    private func failure(of run: DAGRunDTO, failedInstance: TaskInstanceDTO?) async -> (RunID, RunFailure?)? {
        let id = RunMapping.runID(of: run)
        var failure: RunFailure?
        if let instance = failedInstance, let address = AirflowRunID(dagID: run.dagID, dagRunID: run.dagRunID) {
            do {
                let log = try await logFailure(of: instance, in: address)
                let leads = await connectionLeads(of: [(instance, log)], dagID: run.dagID)[TaskKey(instance)] ?? []
                failure = RunFailure(error: log.error, step: StepMapping.name(of: instance), connection: leads.soleConnection)
            } catch {
                logger.notice("could not read why a run failed", metadata: ["run": "\(id)", "error": "\(error)"])
                return nil
            }
        }
        await failureCache.remember(failure, of: id, endedAt: run.endDate)
        return (id, failure)
    }

    /// `POST /dags/~/dagRuns/~/taskInstances/list` (Airflow 3.3.2 `get_task_instances_batch`)
    /// filtered to the runs' DAGs, run ids and the failed state. It matches DAG ids and run ids
    /// separately, so instances of another (DAG, run) pair that shares them are dropped here.
    private func firstFailedInstances(of runs: [DAGRunDTO]) async throws -> [RunKey: TaskInstanceDTO] {
        let wanted = Set(runs.map(RunKey.init))
        let dagIDs = Array(Set(runs.map(\.dagID))).sorted()
        let runIDs = Array(Set(runs.map(\.dagRunID))).sorted()
        let instances = try await allPages { offset, limit in
            let body = try JSONEncoder().encode(TaskInstanceBatchQuery(
                dagIDs: dagIDs, dagRunIDs: runIDs, state: ["failed"], pageOffset: offset, pageLimit: limit))
            let page = try await self.client.fetch(TaskInstancePage.self, .api(
                .post, ["dags", "~", "dagRuns", "~", "taskInstances", "list"], body: body))
            return (page.taskInstances, page.totalEntries)
        }
        var byRun: [RunKey: [TaskInstanceDTO]] = [:]
        for instance in instances where StateMapping.stepStatus(instance.state) == .failed {
            // why: without its run an instance cannot be placed, and guessing could make a run
            // that has a failed task be remembered as having none.
            guard let dagID = instance.dagID, let dagRunID = instance.dagRunID else {
                throw BackendError.malformedResponse("POST /api/v2/dags/~/dagRuns/~/taskInstances/list: "
                                                     + "a task instance without dag_id or dag_run_id")
            }
            byRun[RunKey(dagID: dagID, dagRunID: dagRunID), default: []].append(instance)
        }
        return byRun.reduce(into: [:]) { result, entry in
            if wanted.contains(entry.key), let first = StepMapping.ordered(entry.value).first { result[entry.key] = first }
        }
    }

    /// Writes what the cache learned to its file, when it has one; a failed write only costs
    /// the next process some log reads.
    func saveFailureCache() async {
        do {
            try await failureCache.save()
        } catch {
            logger.notice("could not save the failure cache", metadata: ["error": "\(error)"])
        }
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

/// A run as the pair Airflow identifies it by.
struct RunKey: Hashable, Sendable {
    let dagID: String
    let dagRunID: String

    init(dagID: String, dagRunID: String) {
        self.dagID = dagID
        self.dagRunID = dagRunID
    }

    init(_ run: DAGRunDTO) {
        self.init(dagID: run.dagID, dagRunID: run.dagRunID)
    }
}
