import FlowDashCore
import Foundation

/// Which connection a failed task went through (see `ConnectionFinder`), with what it reads
/// from the server cached: the connection list for a short while, each DAG's source until it
/// changes version.
extension AirflowBackend {
    /// The leads of each failed instance of one DAG's run; the DAG's source is read only when a
    /// task's fields and log name no connection.
    func connectionLeads(
        of failed: [(instance: TaskInstanceDTO, log: LogFailure?)], dagID: String
    ) async -> [TaskKey: [ConnectionLead]] {
        guard !failed.isEmpty else { return [:] }
        // why: the list is read even when a task's fields name its connection (once a minute at
        // most): a name the server does not list cannot be verified, and `v` must say so.
        let finder = ConnectionFinder(connections: await connectionDirectory())
        let needsSource = failed.contains { StepMapping.directLeads(of: $0.instance, log: $0.log).isEmpty }
        let source = needsSource ? await dagSource(of: dagID) : nil
        return Dictionary(failed.map { (TaskKey($0.instance), finder.leads(of: $0.instance, log: $0.log, source: source)) },
                          uniquingKeysWith: { first, _ in first })
    }

    /// The server's connections; nil when this user may not read them or the list failed.
    private func connectionDirectory() async -> [ConnectionDTO]? {
        if let cached = await connectionEvidence.connections() { return cached.value }
        let listed: [ConnectionDTO]?
        do {
            listed = try await connectionDTOs()
        } catch {
            logger.notice("could not read the connections to tell which one a task used", metadata: ["error": "\(error)"])
            listed = nil
        }
        await connectionEvidence.remember(connections: listed)
        return listed
    }

    /// The DAG file's text as Airflow last loaded it; nil when it cannot be read (403, gone).
    private func dagSource(of dagID: String) async -> String? {
        if let cached = await connectionEvidence.source(of: dagID) { return cached.value }
        let text: String?
        do {
            text = try await client.fetch(DAGSourceDTO.self, .api(.get, ["dagSources", dagID])).content
        } catch {
            logger.notice("could not read a DAG's source to tell which connection a task used",
                          metadata: ["dag": "\(dagID)", "error": "\(error)"])
            text = nil
        }
        await connectionEvidence.remember(source: text, of: dagID)
        return text
    }
}

/// What the connection finder read, kept for a while so that a page of failed runs costs one
/// connection list and one source per DAG, not one per run.
actor ConnectionEvidenceCache {
    /// Connections and sources change rarely, and a stale answer only weakens a guess.
    static let lifetime: Duration = .seconds(60)

    struct Entry<Value: Sendable>: Sendable {
        let value: Value
        let at: ContinuousClock.Instant
    }

    private var connectionList: Entry<[ConnectionDTO]?>?
    private var sources: [String: Entry<String?>] = [:]

    func connections() -> Entry<[ConnectionDTO]?>? { fresh(connectionList) }
    func source(of dagID: String) -> Entry<String?>? { fresh(sources[dagID]) }

    func remember(connections: [ConnectionDTO]?) { connectionList = Entry(value: connections, at: .now) }
    func remember(source: String?, of dagID: String) { sources[dagID] = Entry(value: source, at: .now) }

    private func fresh<Value>(_ entry: Entry<Value>?) -> Entry<Value>? {
        guard let entry, ContinuousClock.now - entry.at < Self.lifetime else { return nil }
        return entry
    }
}
