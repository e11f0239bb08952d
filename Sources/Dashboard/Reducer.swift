import Foundation
import JobMonitor
import TerminalUI

/// The pure state transition of the dashboard (Elm style): all UI behaviour lives here, all I/O outside.
public enum Reducer {
    /// Applies a message to the state and returns the effects the run loop must perform.
    public static func reduce(_ state: inout AppState, _ msg: Msg, keyMap: KeyMap = .table) -> [Effect] {
        switch msg {
        case .snapshot(let snapshot):
            state.snapshot = snapshot
            state.rows = RowOrder.sorted(snapshot.jobs)
            if state.selectedIndex == nil { state.selectedID = state.rows.first?.id }
            if snapshot.health.lastSuccess != nil, state.statusMessage == refreshingMessage(state) { state.statusMessage = nil }
            clampScroll(&state)
            return []
        case .resize(let size):
            state.size = size
            clampScroll(&state)
            return []
        case .tick(let date):
            state.now = date
            return []
        case .key(let key):
            guard let action = keyMap.action(for: key) else { return [] }
            return perform(action, on: &state)
        }
    }

    private static func perform(_ action: Action, on state: inout AppState) -> [Effect] {
        let page = max(1, state.visibleRowCount - 1)
        switch action {
        case .moveUp: moveSelection(&state, by: -1)
        case .moveDown: moveSelection(&state, by: 1)
        case .pageUp: moveSelection(&state, by: -page)
        case .pageDown: moveSelection(&state, by: page)
        case .top: select(&state, index: 0)
        case .bottom: select(&state, index: state.rows.count - 1)
        case .refresh:
            state.statusMessage = refreshingMessage(state)
            return [.refresh]
        case .quit:
            return [.quit]
        }
        return []
    }

    private static func refreshingMessage(_ state: AppState) -> String {
        "refreshing" + state.glyphs.ellipsis
    }

    private static func moveSelection(_ state: inout AppState, by delta: Int) {
        select(&state, index: (state.selectedIndex ?? 0) + delta)
    }

    private static func select(_ state: inout AppState, index: Int) {
        guard !state.rows.isEmpty else { return }
        state.selectedID = state.rows[min(max(0, index), state.rows.count - 1)].id
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
