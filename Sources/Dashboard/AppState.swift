import Foundation
import JobMonitor
import TerminalUI

/// The whole UI state, a value changed only by `reduce`.
public struct AppState: Sendable, Equatable {
    /// The newest snapshot from the poller.
    public var snapshot: Snapshot
    /// The snapshot's jobs in display order (derived when a snapshot arrives, so rendering never sorts).
    public var rows: [TrackedJob]
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
    /// One-line feedback for the user (e.g. "refreshing…").
    public var statusMessage: String?
    /// Drawing characters.
    public var glyphs: Glyphs

    /// The initial state before any snapshot.
    public init(size: TerminalSize, now: Date, interval: TimeInterval, source: String, glyphs: Glyphs) {
        self.snapshot = .empty(interval: interval, at: now)
        self.rows = []
        self.selectedID = nil
        self.scrollOffset = 0
        self.size = size
        self.now = now
        self.source = source
        self.statusMessage = nil
        self.glyphs = glyphs
    }

    /// Index of the selected job in `rows`, or nil when nothing is selected.
    public var selectedIndex: Int? {
        guard let selectedID else { return nil }
        return rows.firstIndex { $0.id == selectedID }
    }

    /// Rows of the table body at the current size (title, counts, headings and footer take four).
    public var visibleRowCount: Int { max(0, size.height - TableScreen.chromeHeight) }
}
