import FlowDashCore
import FlowDashEmbedded
import FlowDashScreen
import FlowDashService
import FlowDashTUI
import Foundation

/// The interface's cost without a terminal: opening a big store up to the first built frame,
/// and building one 200×60 activity frame.
enum FrameBenchmark {
    struct Result {
        let firstFrameMilliseconds: Double
        let frameBuild: Timings
    }

    /// `workspace` holds the store the store benchmark filled.
    static func run(workspace: URL) async throws -> Result {
        let start = ContinuousClock.now
        let service = FlowService(backend: try EmbeddedBackend(workspace: workspace))
        let runner = EffectRunner(service: service)
        var state = AppState(size: (200, 60))
        for effect in initialEffects(state) {
            if let message = await runner.perform(effect) { _ = update(&state, message, now: Date()) }
        }
        let theme = Theme.defaultDark, strings = Strings(language: "en")
        let first = render(state, theme: theme, strings: strings, now: Date())
        let elapsed = ContinuousClock.now - start
        precondition(first.lines.joined().contains("!"), "the first frame shows no failed run")

        var frameBuild = Timings()
        for index in 0..<500 {
            _ = update(&state, .input(.key(index % 2 == 0 ? .down : .up)), now: Date())
            frameBuild.measure { _ = render(state, theme: theme, strings: strings, now: Date()) }
        }
        return Result(firstFrameMilliseconds: Timings.milliseconds(elapsed), frameBuild: frameBuild)
    }
}
