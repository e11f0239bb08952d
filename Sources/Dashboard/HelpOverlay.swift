import TerminalUI

/// The `?` overlay, generated from the key maps that handle the keys (one source of truth).
public enum HelpOverlay {
    /// Width of the key column.
    static let keyWidth = 12
    /// Width of one key map's column (key plus summary).
    static let columnWidth = 36

    /// Draws the overlay centred on the screen: the key maps side by side when the terminal is wide enough,
    /// otherwise one below the other; the legend of the less obvious cells goes under the last key map.
    public static func draw(keyMaps: [KeyMap], glyphs: Glyphs, theme: Theme, into buffer: inout Buffer) {
        var columns = keyMaps.map { keyMap in
            [(keyMap.title, "")] + keyMap.helpBindings.map { ($0.label(ascii: glyphs.isASCII), $0.summary) }
        }
        if !columns.isEmpty { columns[columns.count - 1] += legend(glyphs: glyphs) }
        let sideBySide = buffer.width >= columns.count * (columnWidth + 1) + 4
        let blocks: [[(String, String)]] =
            sideBySide ? columns : [columns.enumerated().flatMap { index, lines in (index > 0 ? [("", "")] : []) + lines }]
        let closing = ("any key", "close this help")
        let bodyHeight = (blocks.map(\.count).max() ?? 0) + 2
        let width = min(buffer.width - 2, blocks.count * (columnWidth + 1) + 3)
        let rect = Box.centered(width: width, height: bodyHeight + 2, in: buffer.area)
        let inner = Box.draw(rect, title: "batchtop keys", style: theme.text, borderStyle: theme.border, glyphs: glyphs, into: &buffer)
        for (blockIndex, lines) in blocks.enumerated() {
            let x = inner.x + 1 + blockIndex * (columnWidth + 1)
            for (row, line) in lines.prefix(max(0, inner.height - 2)).enumerated() {
                draw(line, x: x, y: inner.y + row, maxX: inner.maxX, theme: theme, into: &buffer)
            }
        }
        if inner.height >= 1 {
            draw(closing, x: inner.x + 1, y: inner.maxY - 1, maxX: inner.maxX, theme: theme, into: &buffer)
        }
    }

    /// What the cells v2 batches add mean: a heading, then cell and meaning, each short enough for one column.
    public static func legend(glyphs: Glyphs) -> [(String, String)] {
        [
            ("Legend", ""),
            (StatusBadge.label(.throttled, glyphs: glyphs), "held back, not stuck"),
            (StatusBadge.symbol(.cancelled, glyphs: glyphs) + " cancelling", "cancel sent, not done"),
            (JobRow.unknownGauge(glyphs: glyphs), "progress not known yet"),
        ]
    }

    /// One line: a heading (no summary) or a key and what it does.
    private static func draw(_ line: (String, String), x: Int, y: Int, maxX: Int, theme: Theme, into buffer: inout Buffer) {
        if line.1.isEmpty {
            buffer.write(line.0, x: x, y: y, style: theme.tableHeader, maxWidth: max(0, maxX - x))
        } else {
            buffer.write(line.0, in: Rect(x: x + 1, y: y, width: min(keyWidth, max(0, maxX - x - 1)), height: 1), style: theme.footerKey)
            buffer.write(line.1, x: x + 2 + keyWidth, y: y, style: theme.text, maxWidth: max(0, maxX - x - keyWidth - 2))
        }
    }
}
