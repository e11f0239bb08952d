import TerminalUI

/// What a key does, independent of which key it is.
public enum Action: Sendable, Hashable {
    /// Select the previous row.
    case moveUp
    /// Select the next row.
    case moveDown
    /// Move the selection one screen up.
    case pageUp
    /// Move the selection one screen down.
    case pageDown
    /// Select the first row.
    case top
    /// Select the last row.
    case bottom
    /// Open the selected job's detail.
    case openDetail
    /// Leave the current screen (or clear the filter on the table).
    case back
    /// Start typing a filter.
    case startFilter
    /// Next sort column.
    case cycleSort
    /// Reverse the sort.
    case reverseSort
    /// Next item status filter in the detail screen.
    case cycleItemFilter
    /// Ask to cancel the selected job.
    case cancelJob
    /// Pause or resume polling.
    case togglePause
    /// Poll now.
    case refresh
    /// Show or hide the help overlay.
    case help
    /// Switch to the next theme.
    case cycleTheme
    /// Leave the program.
    case quit
    /// Copy the job's ID to the clipboard (OSC 52).
    case copyID
}

/// One entry of a key map: the keys, the action, and how the footer and help describe them.
public struct KeyBinding: Sendable, Equatable {
    /// Keys that trigger the action.
    public var keys: [Key]
    /// The action.
    public var action: Action
    /// Short key label, e.g. `↑↓/jk`.
    public var label: String
    /// The label in ASCII, for terminals without Unicode.
    public var asciiLabel: String
    /// What it does, e.g. `move`.
    public var summary: String
    /// Shown in the footer (every binding is shown in the help overlay).
    public var inFooter: Bool

    /// Creates a binding.
    public init(keys: [Key], action: Action, label: String, asciiLabel: String? = nil, summary: String, inFooter: Bool) {
        self.keys = keys
        self.action = action
        self.label = label
        self.asciiLabel = asciiLabel ?? label
        self.summary = summary
        self.inFooter = inFooter
    }

    /// The label for the given glyph set.
    public func label(ascii: Bool) -> String { ascii ? asciiLabel : label }
}
