import FoundationEssentials
import JobMonitor
import LlamaCloud
import TerminalUI

/// The whole UI state, a value changed only by `Reducer.reduce`.
public struct AppState: Sendable, Equatable {
    /// The newest snapshot from the poller.
    public var snapshot: Snapshot
    /// The snapshot's jobs after filter and sort (derived in the reducer, so rendering never sorts).
    public var rows: JobRows
    /// Counts and totals over all of the snapshot's jobs (derived in the reducer, so rendering stays O(visible rows)).
    public var summary: AggregateMetrics
    /// The selected job, by ID, so the selection follows the job when rows reorder.
    public var selectedID: String?
    /// Index of the first visible row.
    public var scrollOffset: Int
    /// Terminal size.
    public var size: TerminalSize
    /// Wall-clock time, for staleness.
    public var now: Date
    /// Where the data comes from, shown in the title (e.g. the base URL or "demo").
    public var source: String
    /// One-line feedback for the user (e.g. the outcome of a cancel).
    public var statusMessage: String?
    /// Drawing characters.
    public var glyphs: Glyphs
    /// Table order.
    public var sort: SortOrder
    /// Live filter text (matches ID, type, status, directory).
    public var filter: String
    /// True while polling is paused.
    public var isPaused: Bool
    /// True with `--read-only`: no cancel.
    public var isReadOnly: Bool
    /// The layers of the UI (table, filter input or detail, help or cancel confirmation); keys go to its top.
    public var screens: ScreenStack
    /// Last generation given to a detail view: every open or filter change gets a new one, so answers to requests
    /// of an earlier view are recognised and dropped.
    public var detailGeneration: Int
    /// When the "theme: NAME" status message goes away again (it is only a brief notice).
    public var themeNoticeUntil: Date?
    /// Which finished jobs are announced in the status line, and whether with the bell and a notification.
    public var alerts: AlertSettings = AlertSettings()
    /// Where the selected job's row was last found, where `selectedIndex` starts looking (see `JobRows.row(ofID:near:)`).
    var selectedRowHint = RowHint()

    /// The initial state before any snapshot.
    public init(
        size: TerminalSize, now: Date, interval: TimeInterval, source: String, glyphs: Glyphs, isReadOnly: Bool = false
    ) {
        self.snapshot = .empty(interval: interval, at: now)
        self.rows = JobRows()
        self.summary = .empty
        self.selectedID = nil
        self.scrollOffset = 0
        self.size = size
        self.now = now
        self.source = source
        self.statusMessage = nil
        self.glyphs = glyphs
        self.sort = SortOrder()
        self.filter = ""
        self.isPaused = false
        self.isReadOnly = isReadOnly
        self.screens = ScreenStack()
        self.detailGeneration = 0
        self.themeNoticeUntil = nil
    }

    /// The detail screen, when open (Esc returns to the table where it was): the detail layer of `screens`.
    /// Setting nil closes it and anything above it; see `ScreenStack.detail`.
    public var detail: DetailState? {
        get { screens.detail }
        set { screens.detail = newValue }
    }

    /// True while the user types the filter (the filter input layer is open).
    public var isEditingFilter: Bool { screens.contains(.filterInput) }

    /// True while the help overlay is open.
    public var showsHelp: Bool { screens.contains(.help) }

    /// The job awaiting a yes/no to be cancelled.
    public var confirmingCancel: String? { screens.confirmingCancel }

    /// Index of the selected job in `rows`, or nil when nothing is selected.
    public var selectedIndex: Int? {
        guard let selectedID else { return nil }
        return rows.row(ofID: selectedID, near: selectedRowHint.row)
    }

    /// The selected job's row.
    public var selectedJob: TrackedJob? {
        selectedIndex.map { rows[$0] }
    }

    /// A job of the snapshot by ID (also when filtered out of `rows`).
    public func job(id: String) -> TrackedJob? {
        let key = JobID(id)
        return snapshot.jobs.first { $0.jobID == key }
    }

    /// Jobs hidden by the filter.
    public var hiddenCount: Int { snapshot.jobs.count - rows.count }

    /// Rows of the table body at the current size (title, counts, headings and footer take four).
    public var visibleRowCount: Int { max(0, size.height - TableScreen.chromeHeight) }
}

/// Where a row was last found: a cache that only speeds a look up, so any two are equal (two states that differ only
/// in it are the same state).
struct RowHint: Sendable, Equatable {
    /// The row.
    var row = 0

    /// Always true: a hint is no part of the state.
    static func == (lhs: RowHint, rhs: RowHint) -> Bool { true }
}
