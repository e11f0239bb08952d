import TerminalUI

/// Typing the table filter (the filter input layer over the table): characters append, Backspace deletes, Enter
/// keeps the filter, Esc clears it; both close the layer and give the keys back to the table.
enum FilterInput {
    /// Longest filter accepted.
    static let maximumLength = 64

    /// Applies one key while the filter is being edited.
    static func handle(_ key: Key, in state: inout AppState) {
        switch key {
        case .character(let character):
            guard state.filter.count < maximumLength else { return }
            let previous = state.filter
            state.filter.append(character)
            // A longer text keeps fewer of the rows shown, in their order: no job outside them is read, none sorted.
            if let narrowed = RowOrder.narrowed(state.rows, from: previous, to: state.filter) {
                Reducer.rearrange(&state, previousIndex: state.selectedIndex, lastOrder: narrowed, keepingOrder: true)
                return
            }
        case .backspace:
            if !state.filter.isEmpty { state.filter.removeLast() }
        case .enter, .down, .up:
            state.screens.pop()
        case .escape:
            state.filter = ""
            state.screens.pop()
        default:
            return
        }
        Reducer.rearrange(&state)
    }
}
