/// A bordered panel: clears its area and draws a frame with an optional title.
public enum Box {
    /// Draws the frame around `rect` (clipped to the buffer) and returns the inner rectangle.
    @discardableResult
    public static func draw(
        _ rect: Rect, title: String? = nil, style: Style, borderStyle: Style, glyphs: Glyphs, into buffer: inout Buffer
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        buffer.fill(rect, style: style)
        let inner = rect.inset(top: 1, left: 1, bottom: 1, right: 1)
        let horizontal = String(repeating: glyphs.horizontal, count: rect.width - 2)
        buffer.write(glyphs.corners[0] + horizontal + glyphs.corners[1], x: rect.x, y: rect.y, style: borderStyle)
        buffer.write(glyphs.corners[2] + horizontal + glyphs.corners[3], x: rect.x, y: rect.maxY - 1, style: borderStyle)
        for row in inner.y..<inner.maxY {
            buffer.write(glyphs.vertical, x: rect.x, y: row, style: borderStyle)
            buffer.write(glyphs.vertical, x: rect.maxX - 1, y: row, style: borderStyle)
        }
        if let title, rect.width > 6 {
            buffer.write(" \(title) ", x: rect.x + 2, y: rect.y, style: borderStyle.adding(.bold), maxWidth: rect.width - 4)
        }
        return inner
    }

    /// A rectangle of the given size centred in `area` (shrunk to fit).
    public static func centered(width: Int, height: Int, in area: Rect) -> Rect {
        let boxWidth = min(width, area.width)
        let boxHeight = min(height, area.height)
        return Rect(
            x: area.x + (area.width - boxWidth) / 2, y: area.y + (area.height - boxHeight) / 2, width: boxWidth,
            height: boxHeight)
    }
}
