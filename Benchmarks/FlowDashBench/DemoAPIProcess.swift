import FlowDashDemoAPI
import Foundation

/// The demo API in a process of its own, as a real API would be: sharing the engine's process
/// would also share its two-thread concurrency pool and measure the server along with the engine.
final class DemoAPIProcess {
    static let serveFlag = "--serve-demo-api"
    private let process = Process()
    private let input = Pipe()
    let baseURL: String

    init() throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = [Self.serveFlag]
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            line.append(chunk)
        }
        baseURL = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// The child's side: print the base URL, serve until the parent closes our stdin.
    static func serve() async throws {
        let server = DemoAPIServer()
        _ = try await server.start()
        FileHandle.standardOutput.write(Data("\(await server.baseURL)\n".utf8))
        await Task.detached { _ = FileHandle.standardInput.readDataToEndOfFile() }.value
        await server.stop()
    }
}
