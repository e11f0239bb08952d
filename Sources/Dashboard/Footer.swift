import TerminalUI

/// The bottom line: the key hints of a screen, or the filter being typed, plus status and position.
enum Footer {
    /// Draws a screen's footer on the last row: its key hints, the status message, and the table's scroll position
    /// when `showsPosition`.
    static func draw(_ state: AppState, keyMap: KeyMap, showsPosition: Bool, theme: Theme, into buffer: inout Buffer) {
        let y = buffer.height - 1
        var x = 1
        let limit = drawLine(state, showsPosition: showsPosition, theme: theme, into: &buffer)
        for binding in keyMap.bindings where binding.inFooter {
            let label = binding.label(ascii: state.glyphs.isASCII)
            let needed = CharacterWidth.of(label) + 1 + binding.summary.count
            guard x + needed <= limit else { break }
            x += buffer.write(label, x: x, y: y, style: theme.footerKey)
            x += buffer.write(" " + binding.summary, x: x, y: y, style: theme.textDim) + 2
        }
    }

    /// Draws the filter input layer over the table's footer: the filter being typed with a cursor, the status
    /// message and the table's scroll position.
    static func drawFilterInput(_ state: AppState, theme: Theme, into buffer: inout Buffer) {
        let y = buffer.height - 1
        var x = 1
        let limit = drawLine(state, showsPosition: true, theme: theme, into: &buffer)
        x += buffer.write("filter: ", x: x, y: y, style: theme.footerKey, maxWidth: max(0, limit - x))
        x += buffer.write(state.filter, x: x, y: y, style: theme.text, maxWidth: max(0, limit - x - 1))
        x += buffer.write(state.glyphs.isASCII ? "_" : "▏", x: x, y: y, style: theme.footerKey, maxWidth: max(0, limit - x))
        buffer.write("  Enter keep  Esc clear", x: x, y: y, style: theme.textDim, maxWidth: max(0, limit - x))
    }

    /// Clears the last row and draws its right side (status message, then the position); returns the column the
    /// left side must stay before.
    private static func drawLine(_ state: AppState, showsPosition: Bool, theme: Theme, into buffer: inout Buffer) -> Int {
        let y = buffer.height - 1
        buffer.fill(buffer.area.row(y), style: theme.text)
        var right = state.statusMessage ?? ""
        if showsPosition, state.rows.count > state.visibleRowCount, state.visibleRowCount > 0 {
            let first = state.scrollOffset + 1
            let last = min(state.rows.count, state.scrollOffset + state.visibleRowCount)
            right = (right.isEmpty ? "" : right + "  ") + "\(first)-\(last) of \(state.rows.count)"
        }
        // The status message matters more than the key hints: hints give way to it (at most half the line).
        let safe = TextLayout.fit(
            TerminalText.sanitize(right), width: min(CharacterWidth.of(TerminalText.sanitize(right)), buffer.width / 2),
            ellipsis: state.glyphs.ellipsis)
        let rightWidth = right.isEmpty ? 0 : CharacterWidth.of(safe)
        if rightWidth > 0 {
            buffer.write(safe, x: buffer.width - rightWidth - 1, y: y, style: theme.text)
        }
        return buffer.width - rightWidth - 2
    }
}
