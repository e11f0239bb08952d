import JobMonitor
import TerminalUI

/// The table's actions: selection, scrolling, sort, filter, opening a job.
enum TableNavigation {
    /// Handles a key while the table is the top layer: the wheel scrolls, a click selects, bound keys act.
    static func handle(_ key: Key, in state: inout AppState) -> [Effect] {
        switch key {
        case .wheel(let steps):
            move(&state, by: steps * 3)
            return []
        case .click(_, let y):
            click(row: y, in: &state)
            return []
        default:
            guard let action = KeyMap.table.action(for: key) else { return [] }
            return perform(action, in: &state)
        }
    }

    /// Performs a table action.
    static func perform(_ action: Action, in state: inout AppState) -> [Effect] {
        let page = max(1, state.visibleRowCount - 1)
        switch action {
        case .moveUp: move(&state, by: -1)
        case .moveDown: move(&state, by: 1)
        case .pageUp: move(&state, by: -page)
        case .pageDown: move(&state, by: page)
        case .top: select(&state, index: 0)
        case .bottom: select(&state, index: state.rows.count - 1)
        case .openDetail:
            guard let jobID = state.selectedID, state.selectedIndex != nil else { return [] }
            state.detailGeneration += 1
            state.screens.push(.detail(DetailState(jobID: jobID, generation: state.detailGeneration)))
            // A beta job's record and workflow IDs are not in the listing: fetched alongside its files.
            let isBatch = (state.job(id: jobID)?.job.api ?? JobAPI.owning(id: jobID)) == .v2
            return (isBatch ? [] : [.loadRecordIDs(jobID: jobID)]) + DetailNavigation.loadMoreIfNeeded(&state)
        case .back:
            if !state.filter.isEmpty {
                state.filter = ""
                Reducer.rearrange(&state)
            }
        case .startFilter:
            state.screens.push(.filterInput)
        case .cycleSort:
            state.sort.key = state.sort.key.next
            Reducer.rearrange(&state)
        case .reverseSort:
            state.sort.reversed.toggle()
            Reducer.rearrange(&state)
        case .cycleItemFilter:
            break
        case .cancelJob, .togglePause, .refresh, .help, .cycleTheme, .quit, .copyID:
            return Reducer.performCommon(action, in: &state, jobID: state.selectedID) ?? []
        }
        return []
    }

    /// Moves the selection by `delta` rows, clamped.
    static func move(_ state: inout AppState, by delta: Int) {
        select(&state, index: (state.selectedIndex ?? 0) + delta)
    }

    /// Selects the row under a click at screen row `y`.
    static func click(row y: Int, in state: inout AppState) {
        let index = state.scrollOffset + y - (TableScreen.chromeHeight - 1)
        guard y >= TableScreen.chromeHeight - 1, y < state.size.height - 1, index < state.rows.count else { return }
        select(&state, index: index)
    }

    /// Selects the row at `index`, clamped to the rows, and keeps it on screen.
    static func select(_ state: inout AppState, index: Int) {
        guard !state.rows.isEmpty else { return }
        let row = min(max(0, index), state.rows.count - 1)
        state.selectedID = state.rows.id(at: row)
        state.selectedRowHint.row = row
        clampScroll(&state)
    }

    /// Keeps the selected row on screen and the scroll offset within the rows.
    static func clampScroll(_ state: inout AppState) {
        let visible = max(1, state.visibleRowCount)
        let maximum = max(0, state.rows.count - visible)
        if let index = state.selectedIndex {
            if index < state.scrollOffset { state.scrollOffset = index }
            if index >= state.scrollOffset + visible { state.scrollOffset = index - visible + 1 }
        }
        state.scrollOffset = min(max(0, state.scrollOffset), maximum)
    }
}
