import FlowDashCore
import FlowDashService

/// Performs effects against the service and answers with the message `update` expects. Errors
/// become one sanitised line; nothing here touches the terminal.
public struct EffectRunner: Sendable {
    private let service: FlowService

    /// A runner calling `service`.
    public init(service: FlowService) { self.service = service }

    /// The answer to `effect`; nil for `.editDefinition`, which the `Program` handles because it
    /// must suspend the terminal.
    public func perform(_ effect: Effect) async -> Msg? {
        switch effect {
        case .loadActivity:
            return .activityLoaded(await capture { try await service.activity() })
        case .loadReport(let id):
            return .reportLoaded(id, await capture { try await service.report(for: id) })
        case .loadConnections:
            return .connectionsLoaded(await capture { try await service.connections() })
        case .loadFlows:
            return .flowsLoaded(await capture { try await service.flows() })
        case .verify(let connection, let secret):
            let outcome = await capture { try await service.verifyConnection(connection, secret: secret) }
            return .verifyFinished(connection: connection, outcome)
        case .resubmit(let id):
            return .resubmitted(from: id, await capture { try await service.resubmit(id) })
        case .editDefinition:
            return nil
        }
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
