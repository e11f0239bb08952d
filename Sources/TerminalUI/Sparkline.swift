/// A one-row chart of values in 0…1, newest on the right.
public enum Sparkline {
    /// The last `width` values as spark characters (missing history is left blank on the left).
    public static func render(_ values: [Double], width: Int, glyphs: Glyphs) -> String {
        guard width > 0, !glyphs.sparks.isEmpty else { return "" }
        let shown = values.suffix(width)
        let levels = glyphs.sparks.count
        let marks = shown.map { value -> String in
            let clamped = value.isFinite ? min(1, max(0, value)) : 0
            return glyphs.sparks[min(levels - 1, Int(clamped * Double(levels - 1) + 0.5))]
        }
        return String(repeating: " ", count: width - marks.count) + marks.joined()
    }
}
