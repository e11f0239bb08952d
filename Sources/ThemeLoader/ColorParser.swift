import TerminalUI
import TextTools

/// Reads a colour of a theme file: a palette name, an ANSI name, `default`, `#rrggbb`, or a 0–255 index.
public enum ColorParser {
    /// ANSI colour names (also accepted with `_` or without the dash, and `grey`/`gray` for bright black).
    public static let ansiNames: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11, "bright-blue": 12,
        "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15, "grey": 8, "gray": 8,
    ]

    /// What a colour may be, for messages.
    static let expected = "a palette name, an ANSI name (red, bright-black, …), \"default\", \"#rrggbb\" or 0-255"

    /// The colour `node` names; palette names win over ANSI names. The error's message names the value, then
    /// `context` (e.g. "for 'title' fg"), then a hint.
    public static func parse(
        _ node: TOMLNode, palette: [String: Color] = [:], context: String = ""
    ) -> Result<Color, ThemeValueError> {
        let context = context.isEmpty ? "" : " " + context
        switch node {
        case .integer(let value):
            return indexColor(value).map { .success($0) } ?? .failure(ThemeValueError("bad colour \(value)\(context) (an index is 0-255)"))
        case .string(let text):
            let word = text.trimmingWhitespace()
            if let color = palette[word] { return .success(color) }
            if word.hasPrefix("#") { return hex(word, context: context) }
            let normalised = word.lowercased().replacing("_", with: "-")
            if normalised == "default" || normalised == "none" { return .success(.terminalDefault) }
            if let ansi = ansiNames[normalised] ?? ansiNames[normalised.replacing("bright", with: "bright-")] {
                return .success(.ansi(ansi))
            }
            if let value = Int(word) {
                return indexColor(value).map { .success($0) } ?? .failure(ThemeValueError("bad colour \(value)\(context) (an index is 0-255)"))
            }
            let hint = Suggestion.hint(for: word, among: Array(palette.keys) + Array(ansiNames.keys))
            return .failure(ThemeValueError("bad colour '\(text)'\(context)" + (hint.isEmpty ? " (use \(expected))" : hint)))
        default:
            return .failure(ThemeValueError("bad colour\(context): \(node.kindDescription) (use \(expected))"))
        }
    }

    /// 0–15 are the terminal's ANSI colours; 16–255 the 256-colour palette.
    private static func indexColor(_ value: Int) -> Color? {
        guard (0...255).contains(value) else { return nil }
        return value < 16 ? .ansi(UInt8(value)) : .indexed(UInt8(value))
    }

    private static func hex(_ text: String, context: String) -> Result<Color, ThemeValueError> {
        let digits = Array(text.dropFirst())
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(String(digits), radix: 16) else {
            return .failure(ThemeValueError("bad colour '\(text)'\(context) (a hex colour is \"#rrggbb\", six hex digits)"))
        }
        return .success(.rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)))
    }
}
