import Foundation
import FlowDashCore
import FlowDashScreen

/// One definition file that does not load, as an activity row: the failure marker, the word
/// "file" where runs show their id, the file's name where runs show their flow, and "does not
/// load" with the problem, so it never reads as a run.
public enum DefinitionFailureRow {
    /// The fields of `failure`'s row, measured against `now`.
    public static func fields(_ failure: DefinitionFailure, now: Date, strings: Strings) -> [RowField] {
        let summary = failure.failure
        let problem = strings.kindName(summary.kind) + " · " + strings[.definitionDoesNotLoad] + ": "
            + clean(summary.message)
        return [
            RowField("!", .failureMarker),
            RowField(strings[.definitionTag], .interrupted),
            RowField(clean(fileName(failure.file)), .text),
            RowField(failure.seenAt.map { TimeText.when($0, now: now, strings: strings) } ?? "", .dim),
            RowField(problem, .errorText),
        ]
    }

    /// The last path component: the full path is on the failure's own screen.
    static func fileName(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return name.isEmpty ? file : name
    }
}

/// The screen Enter opens on a definition failure: where it broke, why, and how to fix it.
enum DefinitionFailureView {
    static func draw(_ state: AppState, file: String, layout: ScreenLayout, theme: Theme, strings: Strings,
                     now: Date, into buffer: inout ScreenBuffer) {
        let body = layout.body
        guard let failure = state.activity.definitionFailures.first(where: { $0.file == file }) else {
            drawNotice(strings[.definitionLoadsNow, ["file": clean(DefinitionFailureRow.fileName(file))]],
                       style: theme[.dim], in: body, into: &buffer)
            return
        }
        let heading = clean(DefinitionFailureRow.fileName(file)) + " · " + strings[.definitionDoesNotLoad]
        buffer.write(heading, x: layout.subheader.x, y: layout.subheader.y, style: theme[.failed],
                     maxWidth: layout.subheader.width)
        blocks(failure, keys: RunDetailView.fixKeys(for: state.route), width: body.width, height: body.height,
               theme: theme, strings: strings, now: now).draw(in: body, into: &buffer)
    }

    /// File and line, flow, when; the error; the fix. On a short terminal the error gives way
    /// (cut with …) so that the fix stays on screen.
    static func blocks(_ failure: DefinitionFailure, keys: [Action: String], width: Int, height: Int,
                       theme: Theme, strings: Strings, now: Date) -> TextBlocks {
        var facts = TextBlocks(width: width)
        facts.paragraph(strings[.definitionFileLabel, ["location": clean(failure.problem.location)]],
                        style: theme[.title])
        facts.paragraph(failure.flow.map { strings[.definitionFlowLabel, ["flow": clean($0)]] }
                        ?? strings[.definitionNoFlow], style: theme[.text])
        if let seen = failure.seenAt {
            facts.paragraph(strings[.definitionSeen, ["when": TimeText.when(seen, now: now, strings: strings)]],
                            style: theme[.dim])
        }
        var error = TextBlocks(width: width)
        error.heading(strings[.detailError], style: theme[.sectionTitle])
        let message = TextSanitizer.clean(failure.problem.message, singleLine: false)
            .replacingOccurrences(of: "\t", with: "    ")
        error.preformatted(message, style: theme[.errorText])
        var fix = TextBlocks(width: width)
        fix.heading(strings[.howToFix], style: theme[.sectionTitle])
        let step = failure.flow == nil
            ? strings[.fixEditFileElsewhere]
            : strings[.fixEditFile, ["key": keys[.edit] ?? KeyMap.label(of: .edit)]]
        fix.numbered(1, step, style: theme[.text], numberStyle: theme[.fixKey])
        error.keepFirst(max(2, height - facts.lines.count - fix.lines.count - 2))
        facts.gap()
        facts.append(error)
        facts.gap()
        facts.append(fix)
        return facts
    }
}
