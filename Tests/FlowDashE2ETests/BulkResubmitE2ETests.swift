import Foundation
import Testing

/// The grouped inbox and a bulk resubmit of a whole group, in a real terminal on the demo: the
/// expired crm token failed five runs in three flows; the operator verifies crm once, then
/// resubmits the group and watches the outcomes arrive.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct BulkResubmitE2ETests {
    static let crmGroup = "5 runs in 3 flows: connection crm unauthorized"

    @Test func theCrmGroupIsVerifiedOnceThenResubmittedAsAWhole() async throws {
        try await InterfaceSession.withDemo { session in
            try await session.waitForActivity()
            try await session.tmux.press("G")
            let inbox = try await session.tmux.waitFor(text: Self.crmGroup)
            #expect(inbox.contains("step create-invoice 404"), "other causes have groups of their own")

            // Resubmitting before the fix would only fail again: the dry run says so.
            try await session.tmux.press("r")
            try await session.tmux.waitFor(text: "Connection crm still refuses its credentials")
            try await session.tmux.press("Escape")
            try await session.tmux.waitFor(text: "Cancelled")

            // Fix the cause once: open one run of the group and verify its connection.
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor(text: "check-crm-account")
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor(text: "Repair tips")
            try await session.tmux.press("v")
            try await session.tmux.waitFor(text: "Verify connection crm")
            try await session.tmux.type("flowdash-demo")
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor(text: "Resubmit run")
            try await session.tmux.press("Escape")
            try await session.tmux.press("Escape")
            try await session.tmux.press("Escape")
            try await session.tmux.waitFor("back on the inbox") { $0.contains(Self.crmGroup) && $0.contains("Open failures by root cause") }

            // The whole group: a dry run first, then the count typed, then outcomes as they arrive.
            try await session.tmux.press("r")
            let plan = try await session.tmux.waitFor(text: "Resubmit 5 runs")
            #expect(!plan.contains("still refuses"), "crm is verified now")
            #expect(plan.contains("export-leads") && plan.contains("sync-customers") && plan.contains("check-crm-account"))
            #expect(plan.contains("c-3004"), "the inputs each run will be started with")
            try await session.tmux.type("4")
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor(text: "That is not 5")
            try await session.tmux.type("5")
            try await session.tmux.press("Enter")
            let progress = try await session.tmux.waitFor("every outcome", timeout: .seconds(60)) {
                $0.contains("5/5 resubmitted") && $0.contains("5 succeeded")
            }
            #expect(progress.contains("0 failed"))
            #expect(!progress.contains("flowdash-demo"), "the token typed never shows")

            // The group has left the inbox; the ledger keeps original → resubmitted → outcome.
            try await session.tmux.press("Escape")
            try await session.tmux.waitFor("the group gone") {
                $0.contains("Open failures by root cause") && !$0.contains("connection crm unauthorized")
            }
            try await session.tmux.press("L")
            let ledger = try await session.tmux.waitFor("five resubmissions") {
                $0.components(separatedBy: "succeeded").count - 1 >= 5
            }
            #expect(ledger.contains("export-leads") && ledger.contains("check-crm-account"))
        }
    }
}
