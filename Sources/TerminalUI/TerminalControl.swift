import FoundationEssentials

/// Something the dashboard asks the terminal itself to do, outside the screen grid: put text on the clipboard
/// (OSC 52, which travels over SSH), ring the bell, or raise a desktop notification (OSC 9 and OSC 777).
public enum TerminalControl: Sendable, Equatable {
    /// Copy this text to the system clipboard.
    case clipboard(String)
    /// Ring the bell.
    case bell
    /// A desktop notification with a title and a body.
    case notification(title: String, body: String)

    /// The exact bytes to write. Text that came from a server is made inert: the clipboard text is base64-encoded,
    /// notification text is sanitised and stripped of the `;` that separates OSC 777 fields. Inside tmux
    /// (`insideTmux`), OSC 9 and OSC 777, which tmux does not handle itself, are wrapped in tmux's passthrough
    /// (`ESC P tmux; … ESC \`, every ESC doubled); OSC 52 is left to tmux's own clipboard handling (`set-clipboard`).
    public func bytes(insideTmux: Bool) -> [UInt8] {
        switch self {
        case .clipboard(let text):
            return Array("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}".utf8)
        case .bell:
            return [0x07]
        case .notification(let title, let body):
            let cleanTitle = Self.field(title)
            let cleanBody = Self.field(body)
            let sequences = "\u{1B}]9;\(cleanTitle): \(cleanBody)\u{07}" + "\u{1B}]777;notify;\(cleanTitle);\(cleanBody)\u{07}"
            guard insideTmux else { return Array(sequences.utf8) }
            return Array(Self.tmuxPassthrough("\u{1B}]9;\(cleanTitle): \(cleanBody)\u{07}").utf8)
                + Array(Self.tmuxPassthrough("\u{1B}]777;notify;\(cleanTitle);\(cleanBody)\u{07}").utf8)
        }
    }

    /// Text safe inside an OSC field: sanitised (no control survives), `;` replaced, at most 200 characters.
    static func field(_ text: String) -> String {
        String(TerminalText.sanitize(text).replacing(";", with: ",").prefix(200))
    }

    /// One sequence wrapped for tmux's passthrough.
    static func tmuxPassthrough(_ sequence: String) -> String {
        "\u{1B}Ptmux;" + sequence.replacing("\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }
}
