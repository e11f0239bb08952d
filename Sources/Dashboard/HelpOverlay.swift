import TerminalUI

/// The `?` overlay, generated from the key maps that handle the keys (one source of truth).
public enum HelpOverlay {
    /// Draws the overlay centred on the screen.
    public static func draw(keyMaps: [KeyMap], glyphs: Glyphs, theme: Theme, into buffer: inout Buffer) {
        var lines: [(String, String)] = []
        for (index, keyMap) in keyMaps.enumerated() {
            if index > 0 { lines.append(("", "")) }
            lines.append((keyMap.title, ""))
            for binding in keyMap.helpBindings { lines.append((binding.label(ascii: glyphs.isASCII), binding.summary)) }
        }
        lines.append(("", ""))
        lines.append(("any key", "close this help"))
        let keyWidth = 12
        let width = min(buffer.width - 2, 52)
        let height = min(buffer.height - 2, lines.count + 2)
        let rect = Box.centered(width: width, height: height, in: buffer.area)
        let inner = Box.draw(rect, title: "batchtop keys", style: theme.text, borderStyle: theme.border, glyphs: glyphs, into: &buffer)
        for (row, line) in lines.prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.1.isEmpty {
                buffer.write(line.0, x: inner.x + 1, y: y, style: theme.tableHeader, maxWidth: inner.width - 2)
            } else {
                buffer.write(line.0, in: Rect(x: inner.x + 2, y: y, width: keyWidth, height: 1), style: theme.footerKey)
                buffer.write(line.1, x: inner.x + 3 + keyWidth, y: y, style: theme.text, maxWidth: inner.width - keyWidth - 4)
            }
        }
    }
}
