/// A horizontal progress bar with eighth-of-a-cell resolution (whole cells in ASCII).
public enum Gauge {
    /// The filled part and the empty part of a bar of `width` cells at `fraction` (clamped to 0…1).
    /// Their widths add up to `width`; a non-zero fraction always shows at least a sliver.
    public static func segments(fraction: Double, width: Int, glyphs: Glyphs) -> (filled: String, empty: String) {
        guard width > 0 else { return ("", "") }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let steps = glyphs.eighths.count + 1
        var units = Int((clamped * Double(width * steps)).rounded(.down))
        if clamped > 0, units == 0 { units = 1 }
        if clamped < 1, units == width * steps { units -= 1 }
        let fullCells = units / steps
        let remainder = units % steps
        var filled = String(repeating: glyphs.full, count: fullCells)
        var filledCells = fullCells
        if remainder > 0 {
            filled += glyphs.eighths[remainder - 1]
            filledCells += 1
        }
        return (filled, String(repeating: glyphs.empty, count: max(0, width - filledCells)))
    }

    /// Draws a bar into a one-row rectangle.
    public static func draw(
        fraction: Double, in rect: Rect, fill: Style, empty: Style, glyphs: Glyphs, into buffer: inout Buffer
    ) {
        guard rect.height > 0, rect.width > 0 else { return }
        let (filled, rest) = segments(fraction: fraction, width: rect.width, glyphs: glyphs)
        let used = buffer.write(filled, x: rect.x, y: rect.y, style: fill, maxWidth: rect.width)
        buffer.write(rest, x: rect.x + used, y: rect.y, style: empty, maxWidth: rect.width - used)
    }
}
