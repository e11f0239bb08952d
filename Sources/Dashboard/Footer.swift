import TerminalUI

/// The bottom line: the filter being typed, or the key hints of the current screen, plus status and position.
enum Footer {
    /// Draws the footer on the last row.
    static func draw(_ state: AppState, keyMap: KeyMap, theme: Theme, into buffer: inout Buffer) {
        let y = buffer.height - 1
        buffer.fill(buffer.area.row(y), style: theme.text)
        var x = 1
        if state.isEditingFilter {
            x += buffer.write("filter: ", x: x, y: y, style: theme.footerKey)
            x += buffer.write(state.filter, x: x, y: y, style: theme.text, maxWidth: buffer.width - x - 1)
            buffer.write(state.glyphs.isASCII ? "_" : "▏", x: x, y: y, style: theme.footerKey)
            x += 2
            x += buffer.write("Enter keep  Esc clear", x: x, y: y, style: theme.textDim, maxWidth: buffer.width - x)
        } else {
            for binding in keyMap.bindings where binding.inFooter {
                let label = binding.label(ascii: state.glyphs.isASCII)
                let needed = CharacterWidth.of(label) + 1 + binding.summary.count
                guard x + needed < buffer.width else { break }
                x += buffer.write(label, x: x, y: y, style: theme.footerKey)
                x += buffer.write(" " + binding.summary, x: x, y: y, style: theme.textDim) + 2
            }
        }
        var right = state.statusMessage ?? ""
        if state.detail == nil, state.rows.count > state.visibleRowCount, state.visibleRowCount > 0 {
            let first = state.scrollOffset + 1
            let last = min(state.rows.count, state.scrollOffset + state.visibleRowCount)
            right = (right.isEmpty ? "" : right + "  ") + "\(first)-\(last) of \(state.rows.count)"
        }
        let safe = TerminalText.sanitize(right)
        let width = CharacterWidth.of(safe)
        guard !safe.isEmpty else { return }
        let room = buffer.width - x - 1
        if width <= room {
            buffer.write(safe, x: buffer.width - width - 1, y: y, style: theme.text)
        } else if room > 8 {
            buffer.write(TextLayout.fit(safe, width: room, ellipsis: state.glyphs.ellipsis), x: x, y: y, style: theme.text)
        }
    }
}
