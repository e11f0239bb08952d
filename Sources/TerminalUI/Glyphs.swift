/// The drawing characters for the current locale: Unicode blocks and lines, or plain ASCII.
public struct Glyphs: Sendable, Equatable {
    /// True when only ASCII may be drawn.
    public let isASCII: Bool
    /// Partial gauge cells from 1/8 to 7/8 full (ASCII: none, so gauges round to whole cells).
    public let eighths: [String]
    /// A completely full gauge cell.
    public let full: String
    /// An empty gauge cell.
    public let empty: String
    /// A horizontal rule.
    public let horizontal: String
    /// A vertical rule.
    public let vertical: String
    /// Marks cut-off text.
    public let ellipsis: String
    /// Separates header fields.
    public let separator: String
    /// Box corners: top-left, top-right, bottom-left, bottom-right.
    public let corners: [String]
    /// Sparkline levels from lowest to highest.
    public let sparks: [String]
    /// Stands for an absent value.
    public let absent: String

    /// Unicode drawing: eighth blocks, box lines.
    public static let unicode = Glyphs(
        isASCII: false, eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], full: "█", empty: " ", horizontal: "─",
        vertical: "│", ellipsis: "…", separator: "·",
        corners: ["┌", "┐", "└", "┘"], sparks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], absent: "—")
    /// ASCII-only drawing for non-UTF-8 locales and `--ascii`.
    public static let ascii = Glyphs(
        isASCII: true, eighths: [], full: "#", empty: ".", horizontal: "-", vertical: "|", ellipsis: "~",
        separator: "|", corners: ["+", "+", "+", "+"], sparks: ["_", ".", "-", "~", "=", "*", "#", "@"], absent: "-")
}
