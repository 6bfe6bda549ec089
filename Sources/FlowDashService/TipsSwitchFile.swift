import FlowDashCore
import Foundation

/// The repair-tips switch in a small JSON file, for backends that have no store of FlowDash's
/// own (Airflow): `{"tipsOff": ["flow", …]}`. Each change reads the file, edits it and replaces it
/// atomically, so a crash never leaves half a file; two processes switching at the same instant
/// may lose one change, which the operator sees and repeats.
public struct TipsSwitchFile: RepairTipsSwitch {
    public let url: URL

    public init(url: URL) { self.url = url }

    private struct Contents: Codable {
        var tipsOff: [String]
    }

    public func flowsWithTipsOff() async throws -> Set<String> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch CocoaError.fileReadNoSuchFile {
            return []
        } catch let error as NSError where error.domain == NSPOSIXErrorDomain && error.code == Int(ENOENT) {
            return []
        }
        do {
            return Set(try JSONDecoder().decode(Contents.self, from: data).tipsOff)
        } catch {
            throw BackendError.storage("cannot read the repair-tips switch file \(url.path): it is not the JSON FlowDash writes")
        }
    }

    public func setTips(enabled: Bool, forFlow flow: String) async throws {
        var off = try await flowsWithTipsOff()
        if enabled { off.remove(flow) } else { off.insert(flow) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(Contents(tipsOff: off.sorted()))
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try data.write(to: url, options: .atomic)
    }
}
