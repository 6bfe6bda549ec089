import Foundation
import Subprocess

/// A private tmux server running one command in a detached session, driven like a person
/// would: keys in, screen out. Foundation.Process cannot drive tmux (it waits for the daemonised
/// server), so every call goes through swift-subprocess.
struct Tmux {
    let folder: URL
    private var socket: String { folder.appendingPathComponent("tmux.sock").path }

    static func start(_ command: String, width: Int = 100, height: Int = 30, folder: URL) async throws -> Tmux {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tmux = Tmux(folder: folder)
        try await tmux.call(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", command])
        return tmux
    }

    @discardableResult
    func call(_ arguments: [String]) async throws -> String {
        let result = try await run(.name("tmux"), arguments: Arguments(["-S", socket] + arguments),
                                   output: .string(limit: 1 << 20), error: .string(limit: 1 << 16))
        guard result.terminationStatus.isSuccess else {
            throw E2EFailure("tmux \(arguments.joined(separator: " ")) failed: \(result.standardError)")
        }
        return result.standardOutput ?? ""
    }

    /// Named keys (`Enter`, `Escape`, `Down`, `C-c`) or plain characters.
    func press(_ keys: String...) async throws {
        try await call(["send-keys", "-t", "t"] + keys)
    }

    /// Literal text, never interpreted as key names.
    func type(_ text: String) async throws {
        try await call(["send-keys", "-t", "t", "-l", text])
    }

    func screen() async throws -> String {
        try await call(["capture-pane", "-p", "-t", "t"])
    }

    /// The screen with SGR colour escapes, for `StyledScreen`.
    func styledScreen() async throws -> StyledScreen {
        StyledScreen(try await call(["capture-pane", "-p", "-e", "-t", "t"]))
    }

    /// Polls the screen until `predicate` holds; never a fixed sleep.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(20), _ predicate: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var last = ""
        while ContinuousClock.now < deadline {
            last = try await screen()
            if predicate(last) { return last }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw E2EFailure("timed out waiting for \(what); the screen was:\n\(last)")
    }

    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    func resize(width: Int, height: Int) async throws {
        try await call(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    func format(_ format: String) async throws -> String {
        try await call(["display", "-p", "-t", "t", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the program the pane runs (the shell's child).
    func appPid() async throws -> Int32? {
        guard let pane = Int32(try await format("#{pane_pid}")) else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    func stop() async {
        _ = try? await call(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }
}

struct E2EFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
