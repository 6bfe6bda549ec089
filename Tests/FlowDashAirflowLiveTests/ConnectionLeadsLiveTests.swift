import FlowDashAirflow
import FlowDashCore
import FlowDashService
import Foundation
import Testing

/// The 401 loop on DAGs written the way Airflow users write them (`Tests/Airflow/dags/ops_*`,
/// none passes its connection so that FlowDash can see it): the failing step names the connection
/// it went through and how that was found, or the candidates to pick from, or says the connection
/// cannot be verified here; then verify + resubmit makes the DAG pass, on the real Airflow.
@Suite("Airflow live: the connection a failed task went through")
struct ConnectionLeadsLiveTests {
    /// What the failing step of each seeded ops_* run must name: its connection and how it was
    /// found, or (connection nil) the candidates; `verify` is the one whose password fixes it.
    struct Expected: Sendable {
        let dag: String
        let connection: String?
        let evidence: ConnectionLead.Evidence?
        let candidates: Set<String>
        let verify: String?
    }

    static let expected: [Expected] = [
        Expected(dag: "ops_invoice_export", connection: "billing_gateway", evidence: .operatorField,
                 candidates: ["billing_gateway"], verify: "billing_gateway"),
        Expected(dag: "ops_shipment_tracking", connection: "logistics_api", evidence: .definitionSource,
                 candidates: ["logistics_api"], verify: "logistics_api"),
        Expected(dag: "ops_payroll_report", connection: "payroll_api", evidence: .definitionSource,
                 candidates: ["payroll_api"], verify: "payroll_api"),
        Expected(dag: "ops_crm_contact_sync", connection: "crm_default", evidence: .hostMatch,
                 candidates: ["crm_default"], verify: "crm_default"),
        Expected(dag: "ops_ledger_reconcile", connection: "ledger_api", evidence: .operatorField,
                 candidates: ["ledger_api"], verify: "ledger_api"),
        // Two regions' gateways, chosen per mapped instance: both offered; the US one failed.
        Expected(dag: "ops_store_price_sync", connection: nil, evidence: nil,
                 candidates: ["pos_americas", "pos_europe"], verify: "pos_americas"),
        // Two connections on one server, the name built at run time: a pick list.
        Expected(dag: "ops_warehouse_load", connection: nil, evidence: nil,
                 candidates: ["warehouse_eu", "warehouse_us"], verify: "warehouse_us"),
    ]

    @Test(arguments: expected)
    func theFailingStepNamesItsConnectionOrTheCandidates(_ expected: Expected) async throws {
        let live = try LiveEnvironment.load()
        let id = try live.run(of: expected.dag).id(of: expected.dag)
        let report = try await FlowService(backend: live.backend()).report(for: id)
        let step = try #require(report.detail.failingStep, "\(expected.dag) has a failed step")
        #expect(step.connection == expected.connection, "\(expected.dag): \(step.connectionLeads)")
        #expect(Set(step.connectionLeads.map(\.name)) == expected.candidates, "\(expected.dag)")
        #expect(!step.connectionLeads.contains { $0.name.hasPrefix("@") || $0.name.contains("Operator") })
        if let evidence = expected.evidence {
            #expect(step.connectionLeads.first?.evidence == evidence, "\(expected.dag): \(step.connectionLeads)")
        }
        let diagnosis = try #require(report.diagnosis)
        #expect(diagnosis.kind == .authentication)
        if let connection = expected.connection {
            #expect(diagnosis.fix == [.verifyConnection(connection), .resubmit])
        } else {
            #expect(diagnosis.fix.first.map { if case .pickConnection = $0 { true } else { false } } == true)
        }
    }

    @Test func theWorkersOwnConnectionIsNamedAndNeverVerifiedThroughTheAPI() async throws {
        let live = try LiveEnvironment.load()
        let id = try live.run(of: "ops_partner_feed").id(of: "ops_partner_feed")
        let report = try await FlowService(backend: live.backend()).report(for: id)
        let step = try #require(report.detail.failingStep)
        #expect(step.connectionLeads == [ConnectionLead(name: "partner_api", evidence: .definitionSource, isListed: false)])
        #expect(report.diagnosis?.fix == [.fixUnlistedConnection("partner_api"), .resubmit])
    }

    @Test func theInboxGroupsAFailureUnderTheConnectionFoundForIt() async throws {
        let live = try LiveEnvironment.load()
        let id = try live.run(of: "ops_crm_contact_sync").id(of: "ops_crm_contact_sync")
        let listed = try await live.backend().activity(ActivityQuery(flow: "ops_crm_contact_sync", limit: 50))
        let failure = try #require(listed.first { $0.id == id }?.failure, "the list reads failures in bulk")
        #expect(FailureCause(of: failure).id == "connection:crm_default:authentication")
    }

    /// Verify the connection found (or picked) with the right password, resubmit: the new run
    /// of each DAG succeeds with the same conf.
    @Test func verifyThenResubmitMakesEachDAGPass() async throws {
        let live = try LiveEnvironment.load()
        let service = FlowService(backend: live.backend())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for expected in Self.expected {
                group.addTask {
                    let connection = try #require(expected.verify)
                    let outcome = try await service.verifyConnection(connection, secret: Secret(live.connectionPassword))
                    #expect(outcome == .verified, "\(expected.dag): \(outcome)")
                    let original = try live.run(of: expected.dag).id(of: expected.dag)
                    let again = try await service.resubmit(original)
                    let finished = try await service.waitForRun(again, timeout: .seconds(240), pollEvery: .seconds(2))
                    #expect(finished.status == .succeeded, "\(expected.dag): resubmitted run \(again) \(finished.status)")
                    #expect(finished.inputs == (try await service.report(for: original)).detail.summary.inputs)
                }
            }
            try await group.waitForAll()
        }
    }
}
