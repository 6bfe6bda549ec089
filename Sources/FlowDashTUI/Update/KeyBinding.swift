import FlowDashScreen

/// Keys bound to one action on some screens, declared once in `KeyMap.bindings`; dispatch, hints
/// and help are all derived from it.
public struct KeyBinding: Sendable {
    public let action: Action
    public let keys: [Key]
    /// How help and hints name the keys, e.g. "j/↓".
    public let label: String
    /// The screens where the keys work; nil means everywhere.
    public let routes: Set<RouteKind>?
    /// The action changes something on the backend, so `update` asks for confirmation first.
    public let changesRemoteState: Bool
    /// The action writes somewhere (remote state, stored secrets, definition files), so
    /// read-only mode refuses it with `.readOnly`; it stays listed in help.
    public let refusedInReadOnly: Bool

    /// A binding; `refusedInReadOnly` defaults to `changesRemoteState`.
    public init(
        _ action: Action, keys: [Key], label: String, routes: Set<RouteKind>? = nil,
        changesRemoteState: Bool = false, refusedInReadOnly: Bool? = nil
    ) {
        self.action = action
        self.keys = keys
        self.label = label
        self.routes = routes
        self.changesRemoteState = changesRemoteState
        self.refusedInReadOnly = refusedInReadOnly ?? changesRemoteState
    }

    /// Whether the binding applies on screens of `kind`.
    public func applies(to kind: RouteKind) -> Bool { routes?.contains(kind) ?? true }
}

/// The kind of screen a route shows, without its parameters; bindings are scoped by it.
public enum RouteKind: Hashable, Sendable, CaseIterable {
    case activity, runDetail, connections, flows, definitionFailure, source, tips, help
    case inbox, inboxGroup, bulkResubmit, ledger
}

extension Route {
    /// The kind of screen, without the run id.
    public var kind: RouteKind {
        switch self {
        case .activity: .activity
        case .runDetail: .runDetail
        case .connections: .connections
        case .flows: .flows
        case .definitionFailure: .definitionFailure
        case .source: .source
        case .tips: .tips
        case .help: .help
        case .inbox: .inbox
        case .inboxGroup: .inboxGroup
        case .bulkResubmit: .bulkResubmit
        case .ledger: .ledger
        }
    }
}
