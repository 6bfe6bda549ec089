import Foundation

extension KnowledgeBase {
    static let resourceBundleName = "FlowDash_FlowDashKnowledge"
    static let entriesFolder = "Entries"

    /// The entries that ship with FlowDash, read once per process.
    public static func shipped() throws(KnowledgeEntryError) -> KnowledgeBase {
        try shippedOnce.get()
    }

    private static let shippedOnce: Result<KnowledgeBase, KnowledgeEntryError> = Result { () throws(KnowledgeEntryError) in
        guard let folder = shippedEntriesFolder() else {
            throw KnowledgeEntryError("the knowledge base is missing: \(resourceBundleName).resources (or .bundle) must sit next to the flowdash executable")
        }
        return try load(folder: folder)
    }

    /// Reads every `*.md` file of `folder`, in name order.
    public static func load(folder: URL) throws(KnowledgeEntryError) -> KnowledgeBase {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        } catch {
            throw KnowledgeEntryError("cannot list \(folder.path): \(error.localizedDescription)")
        }
        var entries: [KnowledgeEntry] = []
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw KnowledgeEntryError("cannot read \(url.path)")
            }
            entries.append(try EntryParser.parse(String(decoding: data, as: UTF8.self), file: name))
        }
        return try KnowledgeBase(entries: entries)
    }

    /// The `Entries` folder of this target's resource bundle. SwiftPM's `Bundle.module` stops the
    /// process (fatalError) when the bundle is missing, e.g. a `flowdash` binary copied alone; this
    /// looks in the same places (next to the executable, resolved through symlinks) and lets the
    /// caller report a clear error instead.
    static func shippedEntriesFolder() -> URL? {
        var folders = [Bundle.main.bundleURL, Bundle.main.resourceURL].compactMap { $0 }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            folders.append(executable.deletingLastPathComponent())
        }
        for folder in folders {
            for suffix in ["resources", "bundle"] {
                let candidate = folder.appendingPathComponent("\(resourceBundleName).\(suffix)")
                if let url = Bundle(url: candidate)?.url(forResource: entriesFolder, withExtension: nil) { return url }
                let direct = candidate.appendingPathComponent(entriesFolder)
                if FileManager.default.fileExists(atPath: direct.path) { return direct }
            }
        }
        return nil
    }
}
