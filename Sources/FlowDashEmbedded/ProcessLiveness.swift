import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the process that owns a run still exists. A pid alone is not enough: pids are
/// reused, so where `/proc` exists the owner's start time must match too.
public enum ProcessLiveness {
    /// This process, as it records itself on the runs it claims.
    public static let current = OwnerProcess(pid: getpid(), startTime: startTime(of: getpid()))

    /// True while a process with this pid exists, is not a zombie, and (when both are known)
    /// started when the owner did.
    public static func isAlive(_ owner: OwnerProcess) -> Bool {
        guard owner.pid > 0 else { return false }
        // why: EPERM means the process exists but belongs to someone else; only ESRCH proves absence.
        if kill(owner.pid, 0) != 0, errno == ESRCH { return false }
        guard let stat = procStat(of: owner.pid) else { return true }
        if stat.state == "Z" || stat.state == "X" { return false }
        if let recorded = owner.startTime, let actual = stat.startTime, recorded != actual { return false }
        return true
    }

    /// Clock ticks after boot at which the process started; nil without `/proc` (macOS).
    public static func startTime(of pid: Int32) -> Int64? { procStat(of: pid)?.startTime }

    /// State (field 3) and start time (field 22) from `/proc/PID/stat`. The command name
    /// (field 2) may hold spaces and parentheses, so fields are counted after its last `)`.
    private static func procStat(of pid: Int32) -> (state: Character, startTime: Int64?)? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard let state = fields.first?.first else { return nil }
        let startField = 22 - 3
        return (state, fields.count > startField ? Int64(fields[startField]) : nil)
    }
}
