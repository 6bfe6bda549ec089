import FlowDashCore
import Foundation

/// Reads a secret without echoing it. Raw mode (no ICANON, ECHO or ISIG) lets Ctrl-C be seen as
/// a byte, so the terminal is always restored before we leave, even when the user gives up.
enum SecretReader {
    struct Cancelled: Error, CustomStringConvertible {
        let description: String
    }

    static func fromStandardInput() throws -> Secret {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return Secret(text)
    }

    static func prompt(_ prompt: String) throws -> Secret {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else {
            throw Cancelled(description: "no terminal to read the secret from; pipe it in with --password-stdin")
        }
        defer { close(terminal) }
        var saved = termios()
        guard tcgetattr(terminal, &saved) == 0 else {
            throw Cancelled(description: "cannot read from the terminal; pipe the secret in with --password-stdin")
        }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        tcsetattr(terminal, TCSAFLUSH, &raw)
        defer { tcsetattr(terminal, TCSAFLUSH, &saved) }
        write(terminal, prompt)

        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(terminal, &byte, 1) == 1 {
            switch byte {
            case 0x0A, 0x0D:
                write(terminal, "\n")
                return Secret(String(decoding: bytes, as: UTF8.self))
            case 0x03, 0x04:
                write(terminal, "\n")
                throw Cancelled(description: "cancelled; nothing was sent or stored")
            case 0x7F, 0x08:
                if !bytes.isEmpty { bytes.removeLast() }
            default:
                bytes.append(byte)
            }
        }
        throw Cancelled(description: "the terminal closed before a secret was entered")
    }

    /// Reads one visible line (a user name) from the terminal.
    static func promptLine(_ prompt: String) throws -> String {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { throw Cancelled(description: "no terminal to ask on") }
        defer { close(terminal) }
        write(terminal, prompt)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(terminal, &byte, 1) == 1 {
            if byte == 0x0A || byte == 0x0D { return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
            bytes.append(byte)
        }
        throw Cancelled(description: "the terminal closed before an answer was entered")
    }

    private static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
}
