import ArgumentParser
import FlowDashConfig
import FlowDashCore
import FlowDashService
import Foundation
import Logging

/// `flowdash watch`: follows new failures and sends each flow's owner one repair-tips email per
/// failure streak (docs/NOTIFY.md). Runs until SIGINT/SIGTERM; `--once` does one pass.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Email each failing flow's owner its repair tips, once per failure streak (config: notify:).")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "One pass (poll, then send what is due) and exit; for cron and tests.") var once = false
    @Option(help: ArgumentHelp("Seconds between polls.", valueName: "seconds")) var interval: Double = 30

    func validate() throws {
        guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second") }
    }

    func run() async throws {
        // why: a mail program that exits before reading its input must not kill the watch.
        signal(SIGPIPE, SIG_IGN)
        let directories = XDGDirectories()
        let (notify, language) = try WatchSetup.notifyConfig(directories)
        let plan = try backend.plan()
        let service = try backend.makeService()
        let notifier = try Notifier(
            service: service, transport: WatchSetup.transport(for: notify),
            stateFile: NotifierStateFile(url: WatchSetup.stateFile(for: plan, in: directories)),
            settings: .init(from: notify.from, fallbackTo: notify.fallbackTo),
            mail: RepairTipMail(backendFlags: CommandFlags.reaching(plan, profile: backend.profile), language: language))
        let printer = WatchEventPrinter(json: output.json)
        if once {
            let events = try await notifier.poll() + notifier.deliverDue()
            events.forEach(printer.print)
            if events.contains(where: { if case .failed = $0 { true } else { false } }) { throw ExitCode(1) }
            return
        }
        printer.note("Watching for failures every \(Int(interval)) s; emails from \(notify.from). Stop with Ctrl-C.")
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await Self.pollLoop(notifier, every: interval, printer: printer) }
            group.addTask { await Self.deliveryLoop(notifier, printer: printer) }
            group.addTask { await SignalWaiter.waitForTermination() }
            // why: the first child to finish is the signal; the loops only end when cancelled.
            _ = await group.next()
            group.cancelAll()
        }
        printer.note("Stopped.")
    }

    private static func pollLoop(_ notifier: Notifier, every interval: Double, printer: WatchEventPrinter) async {
        while !Task.isCancelled {
            do {
                try await notifier.poll().forEach(printer.print)
            } catch {
                // why: a backend that is down now may answer at the next poll; the watch keeps going.
                printer.problem("poll failed: \(OutputScrubber.shared.scrub(String(describing: error)))")
            }
            try? await Task.sleep(for: .seconds(interval))
        }
    }

    /// Sends due emails apart from polling, so a slow mail server never delays the next poll.
    private static func deliveryLoop(_ notifier: Notifier, printer: WatchEventPrinter) async {
        while !Task.isCancelled {
            do {
                try await notifier.deliverDue().forEach(printer.print)
            } catch {
                printer.problem("cannot save the notifier state: \(String(describing: error))")
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}

/// Turns the config file and the backend plan into what the notifier needs.
enum WatchSetup {
    /// The notify section and the emails' language: notify.language, else the config's language,
    /// else the locale's.
    static func notifyConfig(_ directories: XDGDirectories) throws -> (NotifyConfig, MailLanguage) {
        let url = InterfaceSettings.configFile(directories)
        let config: ConfigFile
        do {
            config = try ConfigFile.load(url)
        } catch {
            throw BackendSelectionError(error.description)
        }
        guard let notify = config.notify else {
            throw BackendSelectionError("flowdash watch needs a notify: section in \(url.path) (from, and smtp or sendmail; see docs/NOTIFY.md)")
        }
        let code = notify.language ?? config.language ?? InterfaceSettings.languageFromEnvironment()
        return (notify, MailLanguage(code: code))
    }

    static func transport(for notify: NotifyConfig) -> any MailTransport {
        switch notify.transport {
        case .smtp(let smtp):
            if let password = smtp.password { OutputScrubber.shared.hide([Secret(password.reveal())]) }
            return CurlSMTPTransport(host: smtp.host, port: smtp.port, startTLS: smtp.startTLS,
                                     username: smtp.username, password: smtp.password?.reveal())
        case .sendmail(let command):
            return SendmailTransport(commandLine: command)
        }
    }

    /// One state file per backend: `$XDG_STATE_HOME/flowdash/notify/<workspace or server>.json`.
    static func stateFile(for plan: BackendPlan, in directories: XDGDirectories) -> URL {
        let name: String
        switch plan {
        case .embedded(let embedded): name = "workspace" + embedded.root.standardizedFileURL.path
        case .airflow(let airflow): name = "airflow-\(airflow.url.host ?? "server")-\(airflow.url.port.map(String.init) ?? "")\(airflow.url.path)"
        }
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
        return directories.flowdash(directories.stateHome).appendingPathComponent("notify", isDirectory: true)
            .appendingPathComponent(safe + ".json")
    }
}
