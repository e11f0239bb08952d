/// Fitting text into a fixed number of columns.
public enum TextLayout {
    /// The text cut (with `ellipsis`) or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let textWidth = CharacterWidth.of(text)
        if textWidth <= width {
            let padding = String(repeating: " ", count: width - textWidth)
            return alignment == .left ? text + padding : padding + text
        }
        let ellipsisWidth = min(CharacterWidth.of(ellipsis), width)
        var result = ""
        var used = 0
        for character in text {
            let columns = CharacterWidth.of(character)
            if used + columns > width - ellipsisWidth { break }
            result.append(character)
            used += columns
        }
        result += ellipsisWidth > 0 ? ellipsis : ""
        used += ellipsisWidth
        return result + String(repeating: " ", count: max(0, width - used))
    }
}
