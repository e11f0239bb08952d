import JobMonitor
import TerminalUI

/// How a status is shown: a symbol and a word (never colour alone) plus the theme role's style.
public enum StatusBadge {
    /// The symbol for a status in the given glyph set.
    public static func symbol(_ status: JobStatus, glyphs: Glyphs) -> String {
        switch status {
        case .pending: return glyphs.isASCII ? "." : "◌"
        case .running: return glyphs.isASCII ? ">" : "▶"
        case .dispatched: return glyphs.isASCII ? "^" : "⇢"
        case .throttled: return glyphs.isASCII ? "~" : "⧗"
        case .completed: return glyphs.isASCII ? "+" : "✔"
        case .failed: return glyphs.isASCII ? "x" : "✘"
        case .cancelled: return glyphs.isASCII ? "-" : "⊘"
        case .other: return "?"
        }
    }

    /// Symbol and word, e.g. `✘ failed`.
    public static func label(_ status: JobStatus, glyphs: Glyphs) -> String {
        symbol(status, glyphs: glyphs) + " " + status.description
    }

    /// The theme style of a status.
    public static func style(_ status: JobStatus, theme: Theme) -> Style {
        switch status {
        case .pending: return theme.statusPending
        case .running: return theme.statusRunning
        case .dispatched: return theme.statusDispatched
        case .throttled: return theme.statusPending
        case .completed: return theme.statusCompleted
        case .failed: return theme.statusFailed
        case .cancelled: return theme.statusCancelled
        case .other: return theme.statusUnknown
        }
    }
}
