import FlowDashCore
import Foundation

/// What changes Airflow: verifying a connection, starting a run, clearing failed tasks.
extension AirflowBackend: FailedStepsRerunning {
    /// Airflow reruns failed steps in the same run by clearing them: see `clearFailedTasks`.
    public func rerunFailedSteps(of run: RunID, dryRun: Bool) async throws -> Int {
        try await clearFailedTasks(of: run, dryRun: dryRun)
    }

    /// Tests the connection as stored, with `secret` as its password, through
    /// `POST /connections/test`, and stores the password (`PATCH`) only when the test passed.
    ///
    /// Testing first keeps Core's promise that a refused secret is not stored: patching first
    /// would replace a working password with a mistyped one for every DAG.
    public func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome {
        guard AirflowRunID.isSingleName(name), !name.contains("/") else { throw BackendError.connectionNotFound(name) }
        let notFound = BackendError.connectionNotFound(name)
        let stored = try await client.fetch(ConnectionDTO.self, .api(.get, ["connections", name], notFound: notFound))
        let outcome: VerificationOutcome
        do {
            let test = try await client.fetch(ConnectionTestDTO.self, .api(
                .post, ["connections", "test"], body: Self.json(ConnectionBodies.test(of: stored, password: secret))),
                hiding: [secret])
            let scrubber = await client.scrubber(hiding: [secret])
            outcome = VerificationMapping.outcome(status: test.status, message: test.message.map(scrubber.scrub))
        } catch AirflowError.forbidden(_, let detail) {
            outcome = VerificationMapping.forbidden(detail: detail)
        }
        if outcome == .verified {
            try await client.send(.api(
                .patch, ["connections", name], query: [URLQueryItem(name: "update_mask", value: "password")],
                body: Self.json(ConnectionBodies.passwordUpdate(of: stored, password: secret)), notFound: notFound),
                hiding: [secret])
        }
        await verifications.remember(outcome, of: name, at: Date())
        logger.info("verified airflow connection", metadata: ["connection": "\(name)", "verified": "\(outcome.isVerified)"])
        return outcome
    }

    /// Triggers a DAG run with `inputs` as its conf. A resubmit sends the original run's conf
    /// values (so `3` stays a number) and names the original in the new run's note.
    public func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID {
        let dag = try DAGName.validated(flow)
        let original = try resubmittedFrom.map { id in
            guard let address = AirflowRunID(id) else { throw BackendError.runNotFound(id) }
            return address
        }
        let (template, source) = try await confTemplate(dag: dag, original: original)
        var body: [String: JSONValue] = [
            // why: Airflow 3 requires the field, and null lets it pick the run's date itself.
            "logical_date": .null,
            "conf": .object(ConfBuilder.conf(from: inputs, template: template, source: source)),
        ]
        if let original { body["note"] = .string(ResubmitNote.text(for: original)) }
        let run = try await client.fetch(DAGRunDTO.self, .api(
            .post, ["dags", dag, "dagRuns"], body: Self.json(body), notFound: .flowNotFound(flow)))
        logger.info("triggered airflow run", metadata: ["run": "\(RunMapping.runID(of: run))"])
        return RunMapping.runID(of: run)
    }

    /// Reruns a run's failed steps: clears its failed (and upstream-failed) task instances, and
    /// the run goes back to queued. A dry run clears nothing. Returns how many are (or would be)
    /// cleared.
    ///
    /// `clearTaskInstances` with the run's id and `only_failed`, never with `task_ids`: clearing
    /// only the failed task reruns it but leaves its downstream tasks `upstream_failed`, so the
    /// run stays failed. Verified against Airflow 3.3.2 (FlowDashAirflowLiveTests): for
    /// `load_customer` → `sync_ledger` (failed, 502) → `notify` (upstream_failed) the dry run
    /// counts 2, and after the real clear the run ends `success` with every task succeeded.
    /// `reset_dag_runs` puts the failed run back to queued (its `start_date` becomes the rerun's).
    public func clearFailedTasks(of run: RunID, dryRun: Bool) async throws -> Int {
        guard let address = AirflowRunID(run) else { throw BackendError.runNotFound(run) }
        let notFound = BackendError.runNotFound(run)
        // why: the clear endpoint is per DAG; reading the run first makes an unknown run a
        // clear `runNotFound` instead of whatever the clear makes of a missing run id.
        try await client.send(.api(.get, Self.runPath(address), notFound: notFound))
        let body: [String: JSONValue] = [
            "dag_run_id": .string(address.dagRunID), "dry_run": .bool(dryRun),
            "only_failed": .bool(true), "reset_dag_runs": .bool(true),
        ]
        let cleared = try await client.fetch(TaskInstancePage.self, .api(
            .post, ["dags", address.dagID, "clearTaskInstances"], body: Self.json(body), notFound: notFound))
        if !dryRun {
            logger.info("cleared failed airflow tasks", metadata: ["run": "\(run)", "count": "\(cleared.taskInstances.count)"])
        }
        return cleared.taskInstances.count
    }

    /// What the new conf's values are typed like: the original run's conf when resubmitting a
    /// run of the same DAG, else the DAG's param defaults.
    private func confTemplate(
        dag: String, original: AirflowRunID?
    ) async throws -> ([String: JSONValue], ConfBuilder.TemplateSource) {
        if let original, original.dagID == dag {
            do {
                let run = try await client.fetch(DAGRunDTO.self, .api(
                    .get, Self.runPath(original), notFound: .runNotFound(original.runID)))
                return (run.conf ?? [:], .originalRun)
            } catch BackendError.runNotFound {
                // The original was deleted meanwhile; the params still say what is typed.
            }
        }
        let details = try await client.fetch(DAGDetailsDTO.self, .api(
            .get, ["dags", dag, "details"], notFound: .flowNotFound(dag)))
        return (FlowMapping.defaults(fromParams: details.params), .params)
    }
}

/// Request bodies about connections. Airflow refuses unknown fields (422), so only its own go in.
enum ConnectionBodies {
    /// The stored connection with `password`, for the test. `extra` is left out when Airflow
    /// masked a value in it (`***`): sending the mask back would test a different connection.
    static func test(of stored: ConnectionDTO, password: Secret) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "connection_id": .string(stored.connectionID), "conn_type": .string(stored.connType),
            "password": .string(password.reveal()),
        ]
        if let host = stored.host { fields["host"] = .string(host) }
        if let login = stored.login { fields["login"] = .string(login) }
        if let schema = stored.schema { fields["schema"] = .string(schema) }
        if let port = stored.port { fields["port"] = .integer(Int64(port)) }
        if let extra = stored.extra, !extra.contains("***") { fields["extra"] = .string(extra) }
        return fields
    }

    /// `PATCH /connections/{id}?update_mask=password` still requires the id and type in the body.
    static func passwordUpdate(of stored: ConnectionDTO, password: Secret) -> [String: JSONValue] {
        ["connection_id": .string(stored.connectionID), "conn_type": .string(stored.connType),
         "password": .string(password.reveal())]
    }
}
