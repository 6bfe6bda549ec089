import FlowDashCore
import Foundation

/// DAG files: where they are, whether they load, and which ones do not.
extension AirflowBackend {
    /// The DAG's file when it exists on this machine (FlowDash runs on the Airflow host);
    /// otherwise its source as Airflow stored it, read-only.
    public func definition(of flow: String) async throws -> DefinitionSource {
        let dag = try await self.dag(flow)
        if let path = dag.fileloc, fileExists(path) { return DefinitionSource(flow: flow, path: path) }
        let source = try await client.fetch(DAGSourceDTO.self, .api(
            .get, ["dagSources", dag.dagID], notFound: .flowNotFound(flow)))
        let location = dag.fileloc.map { " (\($0))" } ?? ""
        return DefinitionSource(
            flow: flow, path: nil, readOnlyText: source.content ?? "",
            readOnlyReason: "the DAG file\(location) is on the Airflow host, not on this machine; edit it there "
                + "(shown: the source Airflow last loaded)")
    }

    /// The import errors Airflow holds for the DAG's file, newest first; empty when it loads.
    public func validateDefinition(of flow: String) async throws -> [DefinitionProblem] {
        let dag = try await self.dag(flow)
        guard let filename = dag.relativeFileloc ?? dag.fileloc.map({ URL(fileURLWithPath: $0).lastPathComponent }) else {
            return []
        }
        let page = try await client.fetch(ImportErrorPage.self, .api(.get, ["importErrors"], query: [
            URLQueryItem(name: "filename", value: filename),
            URLQueryItem(name: "order_by", value: "-timestamp"),
            URLQueryItem(name: "limit", value: String(configuration.pageSize)),
        ]))
        return page.importErrors
            .filter { $0.filename == filename && Self.sameBundle($0.bundleName, dag.bundleName) }
            .map { ImportErrorMapping.problem(of: $0, file: dag.fileloc) }
    }

    /// DAG files that do not load, newest first: failures of kind configuration that belong to
    /// no run. A file that never loaded has no DAG, so this is the only place it shows.
    public func importFailures(limit: Int = 50) async throws -> [AirflowImportFailure] {
        guard limit > 0 else { return [] }
        let page = try await client.fetch(ImportErrorPage.self, .api(.get, ["importErrors"], query: [
            URLQueryItem(name: "order_by", value: "-timestamp"),
            URLQueryItem(name: "limit", value: String(min(limit, configuration.pageSize))),
        ]))
        return page.importErrors.map(AirflowImportFailure.init)
    }

    /// Import errors as Core's definition failures. The DAG id is unknown: a file that never
    /// loaded defines no DAG yet.
    public func definitionFailures(limit: Int) async throws -> [DefinitionFailure] {
        try await importFailures(limit: limit).map { failure in
            DefinitionFailure(file: failure.file, flow: nil, seenAt: failure.seenAt, problem: failure.problem)
        }
    }

    /// Two files of the same name in different bundles are different files; an unnamed bundle
    /// matches any.
    private static func sameBundle(_ one: String?, _ other: String?) -> Bool {
        one == nil || other == nil || one == other
    }

    /// `GET /dags/{dag_id}`, which also answers for a stale DAG whose file broke.
    private func dag(_ flow: String) async throws -> DAGDTO {
        let dagID = try DAGName.validated(flow)
        return try await client.fetch(DAGDTO.self, .api(.get, ["dags", dagID], notFound: .flowNotFound(flow)))
    }
}
