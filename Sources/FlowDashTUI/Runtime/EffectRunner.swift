import FlowDashCore
import FlowDashService
import Foundation

/// Performs effects against the service and answers with the message `update` expects. Errors
/// become one sanitised line; nothing here touches the terminal.
public struct EffectRunner: Sendable {
    private let service: FlowService

    /// A runner calling `service`.
    public init(service: FlowService) { self.service = service }

    /// The answer to `effect`; nil for `.editDefinition`, which the `Program` handles because it
    /// must suspend the terminal. A bulk resubmit hands each event to `progress` as it happens
    /// and answers `.bulkResubmitEnded` when its stream ends.
    public func perform(_ effect: Effect, progress: @Sendable (Msg) async -> Void = { _ in }) async -> Msg? {
        switch effect {
        case .loadActivity:
            async let runs = capture { try await Self.recentAndFailing(service) }
            async let failures = capture { try await service.definitionFailures(limit: Self.definitionFailureLimit) }
            return .activityLoaded(await runs, definitionFailures: await failures)
        case .loadReport(let id):
            return .reportLoaded(id, await capture { try await service.report(for: id) })
        case .loadConnections:
            return .connectionsLoaded(await capture { try await service.connections() })
        case .loadFlows:
            async let flows = capture { try await service.flows() }
            async let tipsOff = capture { try await service.flowsWithTipsOff() }
            return .flowsLoaded(await flows, tipsOff: await tipsOff)
        case .loadTips:
            return .tipsLoaded(await capture { try await service.repairTips(limit: Self.tipsLimit) })
        case .loadFlowTip(let flow, let run):
            return .flowTipLoaded(run, await capture { try await service.repairTip(forFlow: flow) })
        case .setTips(let flow, let enabled):
            let done = await capture { try await service.setTips(enabled: enabled, forFlow: flow) }
            return .tipsSwitched(flow: flow, enabled: enabled, done.map { enabled })
        case .verify(let connection, let secret):
            let outcome = await capture { try await service.verifyConnection(connection, secret: secret) }
            return .verifyFinished(connection: connection, outcome)
        case .resubmit(let id):
            return .resubmitted(from: id, await capture { try await service.resubmit(id) })
        case .rerunFailedSteps(let id, let dryRun):
            let count = await capture { try await service.rerunFailedSteps(id, dryRun: dryRun) }
            return dryRun ? .failedStepsCounted(id, count) : .failedStepsRerun(id, count)
        case .editDefinition:
            return nil
        case .loadSolutions(let id):
            return .solutionsLoaded(id, await capture {
                let report = try await service.report(for: id)
                return RunSolutions(solutions: try FlowService.solutions(for: report),
                                    placeholders: RunSolutions.placeholders(of: report),
                                    code: report.diagnosis?.error.code, kind: report.diagnosis?.kind)
            })
        case .findSolutions(let request):
            return .requestSolutionsFound(request, await capture { try FlowService.solutions(matching: request) })
        case .writeSupportBundle(let id, let path):
            return .supportBundleWritten(id, await capture {
                let bundle = try await service.supportBundle(for: id)
                let file = URL(fileURLWithPath: path)
                // why: the support folder is made on first use; 0700, as the bundle describes a failure.
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                try SupportBundleArchive.write(bundle, to: file, overwrite: false)
                return path
            })
        case .loadInbox:
            return .inboxLoaded(await capture { try await service.failureInbox() })
        case .loadOpenFailures(let cause):
            return .openFailuresLoaded(cause, await capture { try await service.openFailures(cause: cause, limit: Self.groupLimit) })
        case .pickGroup(let cause):
            return .groupPicked(cause, await capture { try await service.openFailures(cause: cause, limit: Self.groupLimit) })
        case .planBulkResubmit(let cause):
            return .bulkPlanned(await capture {
                try await service.planBulkResubmit(cause: cause, failedSince: nil, limit: Self.groupLimit)
            })
        case .checkBulkPlan(let plan):
            return .bulkPlanChecked(await service.checkingConnections(plan))
        case .bulkResubmit(let plan):
            for await event in service.bulkResubmit(plan, pace: BulkResubmitPace()) {
                await progress(.bulkResubmitEvent(event))
            }
            return .bulkResubmitEnded
        case .loadLedger:
            return .ledgerLoaded(await capture { try await service.ledger(limit: Self.ledgerLimit) })
        }
    }

    /// How many open failures of one group are listed, picked or resubmitted at most.
    public static let groupLimit = 1_000
    /// How many resubmissions the ledger lists.
    public static let ledgerLimit = 200

    /// How many runs the activity list holds, newest first, of all runs and of failed ones.
    public static let activityWindow = 200
    /// How many failing flows `:tips` lists at most.
    public static let tipsLimit = 100
    /// How many definition files that do not load the activity list shows at most.
    public static let definitionFailureLimit = 20

    /// The newest runs plus the newest failures, so an older failure still reaches "needs
    /// attention" when many runs have succeeded since.
    static func recentAndFailing(_ service: FlowService) async throws -> [RunSummary] {
        async let recent = service.activity(limit: activityWindow)
        async let failing = service.activity(failedOnly: true, limit: activityWindow)
        var byID: [RunID: RunSummary] = [:]
        for run in try await recent + failing { byID[run.id] = run }
        return byID.values.sorted { $0.id > $1.id }
    }
}

/// Runs `body`, turning any error into one sanitised line for the status line.
func capture<Value>(_ body: () async throws -> Value) async -> Result<Value, ErrorText> {
    do {
        return .success(try await body())
    } catch {
        return .failure(ErrorText(TextSanitizer.clean(String(describing: error))))
    }
}
