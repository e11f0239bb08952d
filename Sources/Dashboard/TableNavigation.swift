import TerminalUI

/// The table's actions: selection, scrolling, sort, filter, opening a job.
enum TableNavigation {
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
            state.detail = DetailState(jobID: jobID, generation: state.detailGeneration)
            return DetailNavigation.loadMoreIfNeeded(&state)
        case .back:
            if !state.filter.isEmpty {
                state.filter = ""
                Reducer.rearrange(&state)
            }
        case .startFilter:
            state.isEditingFilter = true
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

    static func select(_ state: inout AppState, index: Int) {
        guard !state.rows.isEmpty else { return }
        state.selectedID = state.rows.id(at: min(max(0, index), state.rows.count - 1))
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
