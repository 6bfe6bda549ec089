import FlowDashCore
import FlowDashScreen
import FlowDashService
import Foundation

/// The event loop. It draws the state when the picture changes, feeds input and ticks to
/// `update`, and performs effects in tasks off the loop; their answers come back through a
/// mailbox drained on every pass, so `update` only ever runs here, one message at a time.
@MainActor
public final class Program {
    /// How long one pass waits for input; also the latest an effect's answer waits to be seen.
    static let pollTimeout: Duration = .milliseconds(50)
    static let tickInterval: Duration = .milliseconds(250)

    private let terminal: any TerminalBackend
    private let service: FlowService
    private let runner: EffectRunner
    private let render: @MainActor (AppState) -> ScreenBuffer
    private let editor: @Sendable (String) throws -> Void
    private var state: AppState
    private var mailbox: [Delivery] = []
    private var needsRender = true
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var nextTaskID = 0
    private var lastFrame: ScreenBuffer?

    /// A program showing `state` on `terminal`; `render` draws a frame, `editor` opens a file
    /// in the user's editor and returns when it closes.
    public init(
        terminal: any TerminalBackend, service: FlowService, state: AppState,
        render: @escaping @MainActor (AppState) -> ScreenBuffer,
        editor: @escaping @Sendable (String) throws -> Void
    ) {
        self.terminal = terminal
        self.service = service
        runner = EffectRunner(service: service)
        var state = state
        state.canRerunFailedSteps = service.canRerunFailedSteps
        self.state = state
        self.render = render
        self.editor = editor
    }

    /// Runs until the state asks to quit or the terminal is told to terminate; returns the
    /// final state.
    public func run() async -> AppState {
        let size = terminal.size
        dispatch(.input(.resize(width: size.width, height: size.height)))
        let initial = initialEffects(state)
        noteStarted(initial, in: &state)
        initial.forEach(start)
        let clock = ContinuousClock()
        var nextTick = clock.now.advanced(by: Self.tickInterval)
        drawIfChanged()
        while !state.shouldQuit {
            let events = await terminal.nextEvents(timeout: Self.pollTimeout)
            if terminal.terminationRequested {
                state.shouldQuit = true
                break
            }
            events.forEach { dispatch(.input($0)) }
            deliverMailbox()
            if clock.now >= nextTick {
                nextTick = clock.now.advanced(by: Self.tickInterval)
                dispatch(.tick)
            }
            drawIfChanged()
        }
        tasks.values.forEach { $0.cancel() }
        tasks.removeAll()
        return state
    }

    // MARK: Messages and frames

    private func dispatch(_ msg: Msg) {
        guard !state.shouldQuit else { return }
        update(&state, msg, now: Date()).forEach(start)
        needsRender = true
    }

    private func drawIfChanged() {
        // why: building a frame costs about a millisecond; an idle loop pass changes nothing.
        guard !state.shouldQuit, needsRender else { return }
        needsRender = false
        let frame = render(state)
        guard frame != lastFrame else { return }
        terminal.draw(frame)
        lastFrame = frame
    }

    private func deliverMailbox() {
        let deliveries = mailbox
        mailbox.removeAll()
        for delivery in deliveries {
            switch delivery {
            case .message(let msg): dispatch(msg)
            case .openEditor(let flow, let path): openEditor(flow: flow, path: path)
            }
        }
    }

    // MARK: Effects

    /// What a finished task hands back to the loop.
    private enum Delivery: Sendable {
        case message(Msg)
        /// The definition is local: the loop suspends the terminal and opens it.
        case openEditor(flow: String, path: String)
    }

    private func start(_ effect: Effect) {
        if case .editDefinition(let flow) = effect {
            launch { [service] in await Self.locateDefinition(of: flow, service: service) }
            return
        }
        launch { [runner] in
            await runner.perform(effect, progress: { [weak self] msg in await self?.post(msg) }).map(Delivery.message)
        }
    }

    /// A message sent while its effect still runs (a bulk resubmit's events).
    private func post(_ msg: Msg) {
        mailbox.append(.message(msg))
        terminal.wake()
    }

    /// Runs `work` off the loop and posts its answer to the mailbox.
    private func launch(_ work: @escaping @Sendable () async -> Delivery?) {
        let id = nextTaskID
        nextTaskID += 1
        tasks[id] = Task { [weak self] in
            let delivery = await work()
            guard let self else { return }
            self.tasks[id] = nil
            if let delivery {
                self.mailbox.append(delivery)
                self.terminal.wake()
            }
        }
    }

    private nonisolated static func locateDefinition(of flow: String, service: FlowService) async -> Delivery {
        switch await capture({ try await service.definition(of: flow) }) {
        case .failure(let error):
            return .message(.editFinished(flow: flow, .failure(error)))
        case .success(let source):
            guard let path = source.path else {
                let reason = source.readOnlyReason ?? "the definition is not a local file"
                return .message(.definitionReadOnly(flow: flow, reason: reason, text: source.readOnlyText))
            }
            return .openEditor(flow: flow, path: path)
        }
    }

    /// Hands the terminal to the editor (this blocks the loop on purpose), then validates what
    /// was saved off the loop.
    private func openEditor(flow: String, path: String) {
        do {
            try terminal.suspend { try editor(path) }
        } catch {
            let text = ErrorText(TextSanitizer.clean(String(describing: error)))
            dispatch(.editFinished(flow: flow, .failure(text)))
            return
        }
        // why: the editor drew over the screen; the next frame must be sent whole.
        lastFrame = nil
        launch { [service] in
            .message(.editFinished(flow: flow, await capture { try await service.validateDefinition(of: flow) }))
        }
    }
}
