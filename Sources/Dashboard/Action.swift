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
    /// Poll now.
    case refresh
    /// Leave the program.
    case quit
}

/// One entry of the key map: the keys, the action, and how the footer and help describe them.
public struct KeyBinding: Sendable, Equatable {
    /// Keys that trigger the action.
    public var keys: [Key]
    /// The action.
    public var action: Action
    /// Short key label for the footer, e.g. `↑↓/jk`.
    public var label: String
    /// The label in ASCII, for terminals without Unicode (defaults to `label` when that is ASCII already).
    public var asciiLabel: String
    /// What it does, e.g. `move`.
    public var summary: String
    /// Shown in the footer (not every binding fits there).
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

/// The single source of truth for keys: the reducer resolves keys through it and the footer is generated from it.
public struct KeyMap: Sendable, Equatable {
    /// All bindings, in the order the footer lists them.
    public var bindings: [KeyBinding]

    /// The dashboard's table keys.
    public static let table = KeyMap(bindings: [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, label: "↑↓/jk", asciiLabel: "jk", summary: "move", inFooter: true),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, label: "↓/j", asciiLabel: "j", summary: "move down", inFooter: false),
        KeyBinding(keys: [.pageUp], action: .pageUp, label: "PgUp/PgDn", summary: "page", inFooter: true),
        KeyBinding(keys: [.pageDown], action: .pageDown, label: "PgDn", summary: "page down", inFooter: false),
        KeyBinding(keys: [.home, .character("g")], action: .top, label: "g/G", summary: "top/bottom", inFooter: true),
        KeyBinding(keys: [.end, .character("G")], action: .bottom, label: "G", summary: "bottom", inFooter: false),
        KeyBinding(keys: [.character("r")], action: .refresh, label: "r", summary: "refresh", inFooter: true),
        KeyBinding(keys: [.character("q"), .control("c")], action: .quit, label: "q", summary: "quit", inFooter: true),
    ])

    /// The action bound to a key, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }
}
