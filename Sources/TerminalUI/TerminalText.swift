/// Makes untrusted text safe to put on a terminal, and shows what was odd about it.
public enum TerminalText {
    /// Replaces every character a terminal would interpret with a visible stand-in, so nothing the server chose
    /// reaches the terminal as a control and the operator still sees that something odd was there:
    /// - ESC and the other C0 controls become their Unicode control pictures (`␛`, `␇`, `␀` …), DEL becomes `␡`; the
    ///   rest of an escape sequence is ordinary text already, so `ESC[5m` shows as `␛[5m` and an OSC title as
    ///   `␛]0;title␇`;
    /// - C1 controls (0x80–0x9F) become `␛` plus their 7-bit form (the 8-bit CSI 0x9B shows as `␛[`);
    /// - bidirectional overrides, isolates and marks become their abbreviation in white square brackets, e.g. `⟦RLO⟧`;
    /// - tabs, line breaks and the Unicode line and paragraph separators become one space (runs collapse).
    /// Every stand-in is drawn one column wide; `isMark` tells them apart so screens can draw them in the alert style.
    /// Idempotent: sanitising the result changes nothing.
    public static func sanitize(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x09, 0x0A, 0x0D, 0x2028, 0x2029:
                if output.last != " " { output.append(" ") }
            case 0x00..<0x20:
                output.append(picture(value))
            case 0x7F:
                output.append(picture(0x21))
            case 0x80..<0xA0:
                output.append(picture(0x1B))
                output.append(Unicode.Scalar(UInt8(value - 0x40)))
            default:
                if let name = bidiNames[value] {
                    output.append(markOpen)
                    output.append(contentsOf: name.unicodeScalars)
                    output.append(markClose)
                } else {
                    output.append(scalar)
                }
            }
        }
        return String(output)
    }

    /// Opens a named stand-in such as `⟦RLO⟧`.
    public static let markOpen: Unicode.Scalar = "\u{27E6}"
    /// Closes a named stand-in.
    public static let markClose: Unicode.Scalar = "\u{27E7}"

    /// True when every byte is printable ASCII (0x20…0x7E): text that `sanitize` returns unchanged and that takes
    /// one column per byte.
    public static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// True for a character `sanitize` puts in place of a control: a control picture (U+2400–U+2421) or a bracket of a
    /// named stand-in.
    public static func isMark(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x2400...0x2421).contains(scalar.value) || scalar == markOpen || scalar == markClose
    }

    /// The control picture of a C0 control (U+2400 + its code; 0x21 gives ␡ for DEL).
    private static func picture(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(0x2400 + value) ?? "?"
    }

    /// Bidirectional formatting characters, by their standard abbreviations.
    private static let bidiNames: [UInt32: String] = [
        0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
        0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
        0x200E: "LRM", 0x200F: "RLM", 0x061C: "ALM",
    ]
}
