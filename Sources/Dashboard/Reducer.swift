import FoundationEssentials
import JobMonitor
import TerminalUI

/// The pure state transition of the dashboard (Elm style): all UI behaviour lives here, all I/O outside.
public enum Reducer {
    /// Applies a message to the state and returns the effects the run loop must perform.
    public static func reduce(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        switch msg {
        case .snapshot(let snapshot):
            if let id = state.detail?.jobID, let shown = state.job(id: id) { state.detail?.lastSeen = shown }
            let announces = state.alerts.statusLine || state.alerts.notify
            let alerts = announces ? JobAlerts.finished(from: state.snapshot, to: snapshot) : []
            // The rows' order before, a hint for the sort (see `RowOrder.arrange`): only the positions are held on,
            // not the rows' jobs (`adopt` lets go of those), only when the sort can take them (as many jobs, no
            // filter), and handed on, so that they go before the sort's keys are built (400 kB at 100,000 jobs).
            let takesHint = state.rows.count == snapshot.jobs.count && state.filter.isEmpty
            // Nothing the order or the filter reads changed (`Snapshot.rowOrderVersion`): the rows stay as they are,
            // and no job is read for a key or a match (a sort of 100,000 jobs read each one, scattered over memory:
            // most of `reduce/100k`; with a filter set, every snapshot matched every job first). The rows were made
            // for this filter: a change of filter rearranges at once (`FilterInput`).
            let keepsOrder =
                (takesHint || !state.filter.isEmpty) && state.sort.readsOnlyRowOrderKeys
                && snapshot.hasSameRowOrder(as: state.snapshot)
            let lastOrder = takesHint || keepsOrder ? state.rows.positions : nil
            let previousIndex = adopt(snapshot, into: &state)
            state.summary = snapshot.summary
            rearrange(&state, previousIndex: previousIndex, lastOrder: consume lastOrder, keepingOrder: keepsOrder)
            if snapshot.health.lastSuccess != nil, state.statusMessage == refreshingMessage(state) { state.statusMessage = nil }
            return JobAlerts.announce(alerts, in: &state)
        case .resize(let size):
            state.size = size
            TableNavigation.clampScroll(&state)
            return DetailNavigation.clamp(&state)
        case .tick(let date):
            state.now = date
            expireThemeNotice(&state)
            return []
        case .themeChanged(let name, let note):
            state.statusMessage = themeNoticePrefix + name + (note.map { " (\($0))" } ?? "")
            state.themeNoticeUntil = state.now.addingTimeInterval(themeNoticeSeconds)
            return []
        case .itemsLoaded(let request, let result):
            return DetailNavigation.receive(result, for: request, in: &state)
        case .recordIDsLoaded(let jobID, let ids):
            if let ids, state.detail?.jobID == jobID { state.detail?.recordIDs = ids }
            return []
        case .cancelFinished(let jobID, let result):
            let name = String(jobID.prefix(JobRow.shortIDLength))
            switch result {
            case .success(let message): state.statusMessage = "cancel \(name): \(message)"
            case .failure(let failure): state.statusMessage = "cancel \(name) failed: \(failure.message)"
            }
            return []
        case .key(let key):
            return handle(key, in: &state)
        }
    }

    /// Puts `snapshot` on screen in place of the last one and lets go of the rows sorted from that one, so that
    /// nothing in `state` holds the last snapshot's jobs any more (the runtime lets go of its frame too): they are
    /// let go of before `rearrange` allocates the new order, not after. In a cycle in which all of 100,000 running
    /// jobs changed, the last snapshot's jobs are a version of their own (~19 MB), and alive beside the new ones and
    /// the sort's buffers they made the dashboard's peak. Returns the selected row in the rows let go of, for
    /// `rearrange`.
    ///
    /// They go to `BackgroundRelease`, which frees them on its own thread while `rearrange` sorts, not here (~11 ms at
    /// 100,000 changed jobs, between a key and its frame). `churn:100000` peaked no higher for it (96.7 MB against
    /// 96.1 MB, within the spread of runs of one build).
    static func adopt(_ snapshot: Snapshot, into state: inout AppState) -> Int? {
        let selected = state.selectedIndex
        let replaced = state.snapshot.jobs
        state.snapshot = snapshot
        state.rows = JobRows()
        BackgroundRelease.drop(replaced)
        return selected
    }

    /// Re-applies filter and sort to the snapshot's jobs, keeping the selection on the same job.
    static func rearrange(_ state: inout AppState) {
        rearrange(&state, previousIndex: state.selectedIndex)
    }

    /// `rearrange` given the selected row before (in rows already let go of: see `adopt`) and, for a new snapshot,
    /// the rows' order before (a hint for the sort: `RowOrder.arrange`).
    /// `keepingOrder`: `lastOrder` is the new rows' order as it stands (see `Snapshot.rowOrderVersion`).
    static func rearrange(
        _ state: inout AppState, previousIndex: Int?, lastOrder: consuming [Int32]? = nil, keepingOrder: Bool = false
    ) {
        if keepingOrder, let kept = lastOrder {
            state.rows = JobRows(jobs: state.snapshot.jobs, positions: kept)
        } else {
            state.rows = RowOrder.arrange(
                state.snapshot.jobs, sort: state.sort, filter: state.filter, lastOrder: consume lastOrder)
        }
        if let found = state.selectedIndex {
            state.selectedRowHint.row = found
        } else {
            // The selected job left (pruned, filtered out): select the row that took its place, as htop does.
            let index = min(previousIndex ?? 0, max(0, state.rows.count - 1))
            state.selectedID = state.rows.indices.contains(index) ? state.rows.id(at: index) : nil
            state.selectedRowHint.row = index
        }
        TableNavigation.clampScroll(&state)
    }

    /// How the status line announces a theme switch.
    static let themeNoticePrefix = "theme: "
    /// How long the theme notice stays (it goes at the first tick after this).
    static let themeNoticeSeconds: TimeInterval = 3

    /// Removes the theme notice once its time is up, unless another message has replaced it.
    private static func expireThemeNotice(_ state: inout AppState) {
        guard let until = state.themeNoticeUntil, state.now >= until else { return }
        if state.statusMessage?.hasPrefix(themeNoticePrefix) == true { state.statusMessage = nil }
        state.themeNoticeUntil = nil
    }

    static func refreshingMessage(_ state: AppState) -> String {
        "refreshing" + state.glyphs.ellipsis
    }

    /// Keys go to the top layer of the screen stack only (Ctrl-C quits from any layer).
    private static func handle(_ key: Key, in state: inout AppState) -> [Effect] {
        if key == .control("c") { return [.quit] }
        switch state.screens.top {
        case .help:
            state.screens.pop()
            return []
        case .confirmCancel(let jobID):
            return confirm(key, jobID: jobID, in: &state)
        case .filterInput:
            FilterInput.handle(key, in: &state)
            return []
        case .detail:
            return DetailNavigation.handle(key, in: &state)
        case .table:
            return TableNavigation.handle(key, in: &state)
        }
    }

    /// Shared actions of both screens; nil when the action is screen-specific.
    static func performCommon(_ action: Action, in state: inout AppState, jobID: String?) -> [Effect]? {
        switch action {
        case .cancelJob:
            requestCancel(jobID, in: &state)
            return []
        case .togglePause:
            state.isPaused.toggle()
            state.statusMessage = state.isPaused ? "polling paused (p resumes)" : "polling resumed"
            return [.setPaused(state.isPaused)]
        case .refresh:
            state.statusMessage = refreshingMessage(state)
            return [.refresh]
        case .help:
            state.screens.push(.help)
            return []
        case .cycleTheme:
            return [.cycleTheme]
        case .quit:
            return [.quit]
        case .copyID:
            guard let jobID else { return [] }
            state.statusMessage = "copied \(jobID) (OSC 52; if your terminal does not take it, select the ID here)"
            return [.terminal(.clipboard(jobID))]
        default:
            return nil
        }
    }

    /// Opens the confirmation dialog, unless the job cannot be cancelled.
    private static func requestCancel(_ jobID: String?, in state: inout AppState) {
        guard let jobID, let tracked = state.job(id: jobID) else { return }
        if state.isReadOnly {
            state.statusMessage = "read-only: cancelling is disabled"
        } else if StatusBadge.isCancelling(tracked.job) {
            state.statusMessage = "\(String(jobID.prefix(JobRow.shortIDLength))) is already cancelling" + state.glyphs.ellipsis
        } else if tracked.job.status.isTerminal {
            state.statusMessage = "\(String(jobID.prefix(JobRow.shortIDLength))) is already \(tracked.job.status)"
        } else {
            state.screens.push(.confirmCancel(jobID: jobID))
        }
    }

    /// Answers the cancel confirmation: y cancels, n/Esc/q/Enter keep the job; either way the dialog closes.
    private static func confirm(_ key: Key, jobID: String, in state: inout AppState) -> [Effect] {
        switch key {
        case .character("y"), .character("Y"):
            state.screens.pop()
            state.statusMessage = "cancelling \(String(jobID.prefix(JobRow.shortIDLength)))" + state.glyphs.ellipsis
            return [.cancel(jobID: jobID)]
        case .character("n"), .character("N"), .character("q"), .escape, .enter:
            state.screens.pop()
            state.statusMessage = "cancel aborted"
            return []
        default:
            return []
        }
    }
}
