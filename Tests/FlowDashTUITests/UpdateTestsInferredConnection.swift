import FlowDashCore
import FlowDashService
@testable import FlowDashTUI
import Foundation
import Testing

/// `v` on a failed step whose connection the backend had to infer (Airflow): one found is
/// verified and said how it was found; several are offered to pick from; none opens the real
/// connections list; one the backend cannot list is explained, never verified.
struct UpdateTestsInferredConnection {
    typealias F = UpdateFixture

    static let warehouses = [ConnectionLead(name: "warehouse_eu", evidence: .hostMatch),
                             ConnectionLead(name: "warehouse_us", evidence: .hostMatch)]

    /// Run 7 failed with 401 in `push`, a step of a backend that does not record connections.
    static func report(leads: [ConnectionLead]) -> RunReport {
        let error = StepError(code: "401", message: "401 Client Error: Unauthorized")
        let steps = [
            StepRun(position: 0, name: "fetch", status: .succeeded, connection: nil, connectionIsRecorded: false),
            StepRun(position: 1, name: "push", status: .failed, connection: leads.soleConnection,
                    connectionLeads: leads, connectionIsRecorded: false, error: error),
        ]
        let detail = RunDetail(summary: F.failedRun("7", flow: "ops_export"), steps: steps)
        return RunReport(detail: detail, diagnosis: detail.failingStep.flatMap { Diagnoser.diagnose(flow: "ops_export", step: $0) })
    }

    @Test func oneFoundConnectionIsVerifiedAndTheDiagnosisSaysHowItWasFound() throws {
        let report = Self.report(leads: [ConnectionLead(name: "crm_api", evidence: .hostMatch)])
        #expect(report.diagnosis?.fix == [.verifyConnection("crm_api"), .resubmit])
        #expect(Strings(language: "en").whatHappened(try #require(report.diagnosis)).contains("(found via host match)"))
        var state = F.detailState(report)
        F.press(&state, .character("v"))
        #expect(state.modal?.verifyDialog?.connection == "crm_api")
    }

    @Test func severalAreOfferedBestFirstAndTheChoiceIsVerified() {
        let report = Self.report(leads: Self.warehouses)
        #expect(report.diagnosis?.fix == [.pickConnection(["warehouse_eu", "warehouse_us"]), .resubmit])
        var state = F.detailState(report)
        F.press(&state, .character("v"))
        guard case .pickConnection(let picker) = state.modal else {
            Issue.record("no pick list: \(String(describing: state.modal))")
            return
        }
        #expect(picker.leads.map(\.name) == ["warehouse_eu", "warehouse_us"])
        #expect(picker.step == "push")
        F.press(&state, .character("j"), .character("j"))
        F.press(&state, .enter)
        #expect(state.modal?.verifyDialog?.connection == "warehouse_us")
        #expect(state.modal?.verifyDialog?.returnTo == RunID("7"))
    }

    @Test func escapeLeavesThePickListWithoutVerifying() {
        var state = F.detailState(Self.report(leads: Self.warehouses))
        F.press(&state, .character("v"))
        #expect(F.press(&state, .escape).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status.message == .cancelled)
    }

    @Test func noneFoundOpensTheConnectionsListAndSaysSoNeverAMadeUpName() {
        let report = Self.report(leads: [])
        #expect(report.diagnosis?.fix == [.findConnection, .resubmit])
        var state = F.detailState(report)
        let effects = F.press(&state, .character("v"))
        #expect(state.modal == nil)
        #expect(state.route == .connections)
        #expect(effects.contains(.loadConnections))
        #expect(state.status.message == .connectionUnknown(step: "push"))
    }

    @Test func aConnectionTheBackendCannotListIsExplainedNotVerified() {
        let report = Self.report(leads: [ConnectionLead(name: "partner_api", evidence: .definitionSource, isListed: false)])
        #expect(report.diagnosis?.fix == [.fixUnlistedConnection("partner_api"), .resubmit])
        var state = F.detailState(report)
        #expect(F.press(&state, .character("v")).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status.message == .connectionUnlisted("partner_api"))
        #expect(state.status.kind == .error)
    }

    @Test func thePickListShowsEachCandidateWithHowItWasFound() {
        var state = ViewFixtures.runDetail(report: Self.report(leads: Self.warehouses + [
            ConnectionLead(name: "partner_api", evidence: .definitionSource, isListed: false),
        ]))
        state.modal = .pickConnection(ConnectionPicker(step: "push", leads: state.runDetail?.report?.detail.steps[1].connectionLeads ?? [],
                                                       returnTo: RunID("7")))
        let screen = ViewFixtures.draw(state)
        #expect(screen.contains("Which connection did push use?"))
        #expect(screen.contains("warehouse_eu  via host match"))
        #expect(screen.contains("partner_api  not listed: cannot be verified here"))
        let french = ViewFixtures.draw(state, language: "fr")
        #expect(french.contains("warehouse_us  par l'adresse du serveur"))
    }
}
