import Foundation

/// Delivers one message, or throws a `MailDeliveryError` saying why not (never with a secret).
public protocol MailTransport: Sendable {
    func send(_ message: MailMessage) async throws
}

public struct MailDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}

/// SMTP through the system `curl` (no Swift SMTP library is available). The password goes to
/// curl in a 0600 netrc file that is removed after the call, never on its command line, so it
/// never shows in the process list.
public struct CurlSMTPTransport: MailTransport {
    public let host: String
    public let port: Int
    public let startTLS: Bool
    public let username: String?
    let password: String?
    public let curl: String

    public init(host: String, port: Int, startTLS: Bool, username: String?, password: String?, curl: String = "/usr/bin/curl") {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.curl = curl
    }

    public func send(_ message: MailMessage) async throws {
        var arguments = [
            "--silent", "--show-error", "--connect-timeout", "10", "--max-time", "120",
            "--url", "smtp://\(host):\(port)", "--mail-from", message.from, "--mail-rcpt", message.to, "--upload-file", "-",
        ]
        if startTLS { arguments.append("--ssl-reqd") }
        var netrc: URL?
        if let username {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-netrc-\(UUID().uuidString)")
            let entry = "machine \(host) login \(Self.netrcToken(username)) password \(Self.netrcToken(password ?? ""))\n"
            guard Self.createPrivateFile(at: file.path, contents: Data(entry.utf8)) else {
                throw MailDeliveryError("cannot write curl's credentials file in \(file.deletingLastPathComponent().path)")
            }
            netrc = file
            arguments += ["--netrc-file", file.path]
        }
        defer { if let netrc { try? FileManager.default.removeItem(at: netrc) } }
        let result = try await MailProcess.run(executable: curl, arguments: arguments, input: message.rendered())
        guard result.status == 0 else {
            throw MailDeliveryError("SMTP delivery to \(host):\(port) failed (curl exit \(result.status)): \(scrubbed(result.errorText))")
        }
    }

    private func scrubbed(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "[secret]")
    }
}

/// A sendmail-compatible command (`/usr/sbin/sendmail -t`): the message on its standard input.
public struct SendmailTransport: MailTransport {
    public let commandLine: [String]

    public init(commandLine: [String]) { self.commandLine = commandLine }

    public func send(_ message: MailMessage) async throws {
        guard let executable = commandLine.first else { throw MailDeliveryError("the sendmail command is empty") }
        let result = try await MailProcess.run(executable: executable, arguments: Array(commandLine.dropFirst()), input: message.rendered())
        guard result.status == 0 else {
            throw MailDeliveryError("\(executable) failed (exit \(result.status)): \(result.errorText)")
        }
    }
}

/// Runs a mail program to completion without holding a thread while it works.
enum MailProcess {
    struct Result {
        let status: Int32
        let errorText: String
    }

    static func run(executable: String, arguments: [String], input: String) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        let finished = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished.continuation.yield($0.terminationStatus); finished.continuation.finish() }
        do {
            try process.run()
        } catch {
            throw MailDeliveryError("cannot start \(executable): \(error.localizedDescription)")
        }
        // why: the message is small (a few kB), under a pipe's buffer, so this write does not wait
        // for the program; one that already exited makes it fail (EPIPE), which its status explains.
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        var status: Int32 = -1
        for await code in finished.stream { status = code }
        // why: read after the exit, so no thread waits on a slow server; the text is short.
        let errorData = (try? stderr.fileHandleForReading.readToEnd()) ?? Data()
        let text = String(decoding: errorData, as: UTF8.self).split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        return Result(status: status, errorText: text.isEmpty ? "no message" : text)
    }
}

extension CurlSMTPTransport {
    /// A netrc value in double quotes (curl ≥ 7.84), so a password with spaces or quotes stays whole.
    static func netrcToken(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Creates the file with mode 0600 from the start (never briefly readable by others, as a
    /// chmod after writing would leave it), failing if it already exists.
    static func createPrivateFile(at path: String, contents: Data) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
    }
}
