import ArgumentParser
import Foundation

/// Ends a command with a chosen exit status and a one-line reason on stderr.
enum CommandFailure {
    static func exit(_ status: Int32, _ reason: String) -> ExitCode {
        FileHandle.standardError.write(Data("Error: \(reason)\n".utf8))
        return ExitCode(status)
    }
}
