import FlowDashScreen

/// Where each part of the screen goes, computed from the terminal size alone. `update` pages and
/// hit-tests the mouse with it, and the views draw into the same rects, so a click lands on the
/// row that is shown there.
///
///     row 0             titleBar: breadcrumbs from the navigation stack
///     row 1             subheader: column headings, or the shown run's summary line
///     rows 2 ..< h-2    body: the route's list (`list(for:)`); run detail splits it
///     row h-2           hintBar: key hints from `KeyMap.bindings(for:)`
///     row h-1           statusBar: the status line and spinner
///
/// Run detail: the steps list is the top half of the body (rounded up), `runDetailPane` (error,
/// diagnosis, fix, expanded step) is the rest. Every other route's list is the whole body. List
/// row `r` of a rect shows item `offset + r`, where `offset` is the list's state offset, which
/// `update` keeps in sight of the selection. On tiny terminals rects shrink to empty, never
/// negative.
public struct ScreenLayout: Sendable, Equatable {
    public static let headerRows = 2
    public static let footerRows = 2

    public let width: Int
    public let height: Int

    /// The layout of a `width`×`height` terminal.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The layout for the state's terminal size.
    public init(_ state: AppState) {
        self.init(width: state.size.width, height: state.size.height)
    }

    private var headerHeight: Int { min(Self.headerRows, height) }
    private var footerHeight: Int { min(Self.footerRows, height - headerHeight) }

    /// Row 0: breadcrumbs.
    public var titleBar: Rect { Rect(x: 0, y: 0, width: width, height: min(1, height)) }
    /// Row 1: column headings or the run summary line.
    public var subheader: Rect { Rect(x: 0, y: 1, width: width, height: headerHeight - 1) }
    /// Everything between the header and the footer.
    public var body: Rect {
        Rect(x: 0, y: headerHeight, width: width, height: height - headerHeight - footerHeight)
    }
    /// Second row from the bottom: key hints.
    public var hintBar: Rect {
        Rect(x: 0, y: height - footerHeight, width: width, height: footerHeight - 1)
    }
    /// Bottom row: the status line.
    public var statusBar: Rect {
        Rect(x: 0, y: height - min(1, footerHeight), width: width, height: min(1, footerHeight))
    }

    /// The rect the route's selectable list is drawn in.
    public func list(for route: RouteKind) -> Rect {
        switch route {
        case .activity, .connections, .flows, .definitionFailure, .source, .help, .inbox, .inboxGroup, .ledger: body
        // why: the progress screen keeps its last row for the tally.
        case .bulkResubmit: body.splitTop(max(0, body.height - 1)).0
        case .runDetail, .tips: body.splitTop((body.height + 1) / 2).0
        }
    }

    /// Run detail, under the steps list: the failing step's error, the diagnosis and the fix.
    /// `:tips` draws the selected flow's repair tip in the same place.
    public var runDetailPane: Rect {
        body.splitTop((body.height + 1) / 2).1
    }

    /// How many list rows fit on `route`; paging moves by this much.
    public func visibleRows(on route: RouteKind) -> Int { max(1, list(for: route).height) }

    /// The item index under cell (`x`, `y`) in the route's list, or nil off the list or past
    /// its last item.
    public func listIndex(atX x: Int, y: Int, on route: RouteKind, offset: Int, count: Int) -> Int? {
        let rect = list(for: route)
        guard rect.contains(x: x, y: y) else { return nil }
        let index = offset + (y - rect.y)
        return index >= 0 && index < count ? index : nil
    }
}
