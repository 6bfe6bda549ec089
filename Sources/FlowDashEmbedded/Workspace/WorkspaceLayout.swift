import Foundation

/// Where things live inside a workspace folder.
public struct WorkspaceLayout: Sendable, Hashable {
    /// The workspace folder itself.
    public let root: URL

    /// A layout rooted at `root`; nothing is read or created.
    public init(root: URL) {
        self.root = root
    }

    /// `root/flows`, one YAML file per flow.
    public var flowsDirectory: URL { root.appendingPathComponent("flows", isDirectory: true) }

    /// `root/connections.yaml`.
    public var connectionsFile: URL { root.appendingPathComponent("connections.yaml", isDirectory: false) }

    /// `root/.flowdash`, the engine's private folder.
    public var storeDirectory: URL { root.appendingPathComponent(".flowdash", isDirectory: true) }

    /// `root/.flowdash/store.sqlite`.
    public var storeFile: URL { storeDirectory.appendingPathComponent("store.sqlite", isDirectory: false) }

    /// `root/flows/<flow>.yaml`, where a new or edited flow is written.
    public func flowFile(named flow: String) -> URL {
        flowsDirectory.appendingPathComponent("\(flow).yaml", isDirectory: false)
    }
}
