import FlowDashAirflow
import FlowDashCore
import Foundation
import Testing

/// A DAG deleted while its (finished) run is on screen (`flowdash_throwaway`; the DAG processor brings it
/// back, without runs, when it parses its file again).
@Suite("Airflow live: DAG deleted while in use")
struct DeletedDAGLiveTests {
    @Test func theRunAndTheFlowOfADeletedDAGAreNotFound() async throws {
        let live = try LiveEnvironment.load()
        let backend = live.backend()
        let dag = "flowdash_throwaway"
        let id = try await startRunWhenParsed(dag, on: backend)
        // why: Airflow refuses (409) to delete a DAG while a run of it is still running.
        #expect(try await waitUntilFinished(id, on: backend).summary.id == id)

        try await live.deleteDAG(dag)
        await #expect(throws: BackendError.runNotFound(id)) { try await backend.run(id) }
        do {
            let runs = try await backend.activity(ActivityQuery(flow: dag, limit: 5))
            // Only when the DAG processor re-parsed the file in between: then the run is gone.
            #expect(!runs.contains { $0.id == id }, "a deleted DAG's run is still listed")
        } catch let error as BackendError {
            #expect(error == .flowNotFound(dag))
            #expect(error.description == "no flow named 'flowdash_throwaway'")
        }
    }

    /// Triggers a run, waiting first for the DAG to be back after an earlier deletion.
    private func startRunWhenParsed(_ dag: String, on backend: AirflowBackend) async throws -> RunID {
        let deadline = ContinuousClock.now + .seconds(90)
        while true {
            do {
                return try await backend.startRun(flow: dag, inputs: [:], resubmittedFrom: nil)
            } catch BackendError.flowNotFound {
                try #require(ContinuousClock.now < deadline, "\(dag) did not come back")
                try await Task.sleep(for: .seconds(2))
            }
        }
    }
}
