import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The workspace as last parsed, parsed again only when a file under it changed. Starting a
/// run must see edits at once, but parsing every YAML file per run was a seventh of the CPU
/// a busy engine spent; a few `stat` calls are not.
actor WorkspaceCache {
    private let layout: WorkspaceLayout
    private var cached: (fingerprint: [FileStamp], workspace: Workspace)?

    init(layout: WorkspaceLayout) {
        self.layout = layout
    }

    /// The workspace as the files on disk are now.
    func current() -> Workspace {
        let fingerprint = Self.fingerprint(of: layout)
        if let cached, cached.fingerprint == fingerprint { return cached.workspace }
        let workspace = Workspace.load(from: layout.root)
        cached = (fingerprint, workspace)
        return workspace
    }

    /// What identifies a file's content without reading it: an atomic save changes the inode,
    /// any write the status-change time, which unlike the modification time no tool can set back.
    struct FileStamp: Hashable {
        let name: String
        let inode: UInt64
        let size: Int64
        let changedSeconds: Int
        let changedNanoseconds: Int
    }

    private static func fingerprint(of layout: WorkspaceLayout) -> [FileStamp] {
        let folder = layout.flowsDirectory.path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let paths = [layout.connectionsFile.path, folder] + names.map { folder + "/" + $0 }
        return paths.map(stamp(of:))
    }

    private static func stamp(of path: String) -> FileStamp {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return FileStamp(name: path, inode: 0, size: -1, changedSeconds: 0, changedNanoseconds: 0)
        }
        #if os(Linux)
        let changed = info.st_ctim
        #else
        let changed = info.st_ctimespec
        #endif
        return FileStamp(name: path, inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         changedSeconds: Int(changed.tv_sec), changedNanoseconds: Int(changed.tv_nsec))
    }
}
