import ArgumentParser
import FlowDashCore
import FlowDashService
import Foundation

/// `flowdash tips`: the repair tip of every failing flow (When, What happened, How to fix,
/// Troubleshooting). A flow with tips off is listed too, marked off.
struct TipsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tips", abstract: "Show the repair tips of every failing flow: when, what happened, how to fix, how to rerun.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "At most this many flows.") var limit = 50

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() async throws {
        let tips = try await backend.makeService().repairTips(limit: limit)
        if output.json {
            try JSONOutput.print(tips.map(JSONOutput.RepairTip.init))
        } else {
            print(TextOutput().repairTips(tips, backendFlags: CommandFlags.reaching(try backend.plan(), profile: backend.profile)))
        }
    }
}

/// `flowdash flows tips on|off FLOW`: the per-flow repair-tips switch.
struct FlowTipsSwitchCommand: AsyncParsableCommand {
    enum Setting: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    static let configuration = CommandConfiguration(
        commandName: "tips", abstract: "Switch a flow's repair tips on or off (a flow with tips off still shows failing; nothing is sent).")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "on or off.") var setting: Setting
    @Argument(help: "The flow.") var flow: String

    func run() async throws {
        let service = try backend.makeService()
        try await service.setTips(enabled: setting == .on, forFlow: flow)
        if output.json {
            try JSONOutput.print(JSONOutput.TipsSwitch(flow: flow, tipsOn: setting == .on))
        } else {
            print("Repair tips for flow '\(TextSanitizer.clean(flow))' are \(setting.rawValue).")
        }
    }
}
