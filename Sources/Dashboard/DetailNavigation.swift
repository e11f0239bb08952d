import JobMonitor
import TerminalUI

/// The detail screen's actions: scrolling the file list, paging it in as the cursor nears the end, the file
/// status filter, and going back.
enum DetailNavigation {
    /// How close to the end of the loaded files the cursor may come before the next page is fetched.
    static let prefetchDistance = 10

    /// Handles a key while the detail is the top layer: the wheel moves the file cursor, bound keys act.
    static func handle(_ key: Key, in state: inout AppState) -> [Effect] {
        if case .wheel(let steps) = key { return move(&state, by: steps * 3) }
        guard let action = KeyMap.detail.action(for: key) else { return [] }
        return perform(action, in: &state)
    }

    /// Performs a detail-screen action.
    static func perform(_ action: Action, in state: inout AppState) -> [Effect] {
        guard let detail = state.detail else { return [] }
        let page = max(1, DetailLayout(size: state.size).itemRows - 1)
        switch action {
        case .moveUp: return move(&state, by: -1)
        case .moveDown: return move(&state, by: 1)
        case .pageUp: return move(&state, by: -page)
        case .pageDown: return move(&state, by: page)
        case .top: return move(&state, by: -detail.items.count)
        case .bottom: return move(&state, by: detail.items.count)
        case .cycleItemFilter:
            state.detailGeneration += 1
            let api = (state.job(id: detail.jobID) ?? detail.lastSeen)?.job.api ?? JobAPI.owning(id: detail.jobID) ?? .v1
            var next = DetailState(
                jobID: detail.jobID, filter: detail.filter.next(for: api), generation: state.detailGeneration)
            next.recordIDs = detail.recordIDs
            state.detail = next
            return loadMoreIfNeeded(&state)
        case .back:
            state.detail = nil  // pops the detail layer: the table shows again as it was
            return []
        case .cancelJob, .togglePause, .refresh, .help, .cycleTheme, .quit, .copyID:
            return Reducer.performCommon(action, in: &state, jobID: detail.jobID) ?? []
        case .openDetail, .startFilter, .cycleSort, .reverseSort:
            return []
        }
    }

    /// Moves the file cursor, keeping it visible, and fetches the next page when it nears the end.
    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard var detail = state.detail else { return [] }
        detail.selected = min(max(0, detail.selected + delta), max(0, detail.items.count - 1))
        state.detail = detail
        return clamp(&state)
    }

    /// Keeps the cursor on screen after a move or resize; fetches more files if needed.
    static func clamp(_ state: inout AppState) -> [Effect] {
        guard var detail = state.detail else { return [] }
        let visible = max(1, DetailLayout(size: state.size).itemRows)
        if detail.selected < detail.scrollOffset { detail.scrollOffset = detail.selected }
        if detail.selected >= detail.scrollOffset + visible { detail.scrollOffset = detail.selected - visible + 1 }
        detail.scrollOffset = min(max(0, detail.scrollOffset), max(0, detail.items.count - visible))
        state.detail = detail
        return loadMoreIfNeeded(&state)
    }

    /// Requests the next page when the cursor or the visible area is near the end of what is loaded.
    static func loadMoreIfNeeded(_ state: inout AppState) -> [Effect] {
        guard var detail = state.detail, let request = detail.nextRequest else { return [] }
        let visible = DetailLayout(size: state.size).itemRows
        let needed = max(detail.selected + prefetchDistance, detail.scrollOffset + visible)
        guard detail.items.count < needed else { return [] }
        detail.pending = request
        state.detail = detail
        return [.loadItems(request)]
    }

    /// Applies a page of files, ignoring answers meant for an older view.
    static func receive(
        _ result: Result<FileItemPage, ActionFailure>, for request: ItemRequest, in state: inout AppState
    ) -> [Effect] {
        guard var detail = state.detail, detail.generation == request.generation, detail.jobID == request.jobID else {
            return []
        }
        switch result {
        case .success(let page):
            detail.apply(page, for: request)
            state.detail = detail
            return loadMoreIfNeeded(&state)
        case .failure(let failure):
            detail.pending = nil
            detail.loadError = failure.message
            state.detail = detail
            return []
        }
    }
}
