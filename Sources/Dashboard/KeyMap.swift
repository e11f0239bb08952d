import TerminalUI

/// The single source of truth for keys: the reducer resolves keys through it and the footer and help overlay
/// are generated from it.
public struct KeyMap: Sendable, Equatable {
    /// Title of the group in the help overlay.
    public var title: String
    /// All bindings, in the order the footer and help list them.
    public var bindings: [KeyBinding]

    /// The job table's keys.
    public static let table = KeyMap(title: "Job table", bindings: navigation + [
        KeyBinding(keys: [.enter], action: .openDetail, label: "Enter", summary: "details", inFooter: true),
        KeyBinding(keys: [.character("/")], action: .startFilter, label: "/", summary: "filter", inFooter: true),
        KeyBinding(keys: [.escape], action: .back, label: "Esc", summary: "clear filter", inFooter: false),
        KeyBinding(keys: [.character("s")], action: .cycleSort, label: "s", summary: "sort", inFooter: true),
        KeyBinding(keys: [.character("S")], action: .reverseSort, label: "S", summary: "reverse sort", inFooter: false),
        KeyBinding(keys: [.character("c")], action: .cancelJob, label: "c", summary: "cancel job", inFooter: true),
        KeyBinding(keys: [.character("p")], action: .togglePause, label: "p", summary: "pause", inFooter: true),
        KeyBinding(keys: [.character("r")], action: .refresh, label: "r", summary: "refresh", inFooter: false),
        KeyBinding(keys: [.character("t")], action: .cycleTheme, label: "t", summary: "next theme", inFooter: false),
        KeyBinding(keys: [.character("y")], action: .copyID, label: "y", summary: "copy job ID", inFooter: false),
        KeyBinding(keys: [.character("?")], action: .help, label: "?", summary: "help", inFooter: true),
        KeyBinding(keys: [.character("q"), .control("c")], action: .quit, label: "q", summary: "quit", inFooter: true),
    ])

    /// The job detail screen's keys.
    public static let detail = KeyMap(title: "Job detail", bindings: navigation + [
        KeyBinding(keys: [.character("f")], action: .cycleItemFilter, label: "f", summary: "file status filter", inFooter: true),
        KeyBinding(keys: [.character("c")], action: .cancelJob, label: "c", summary: "cancel job", inFooter: true),
        KeyBinding(keys: [.character("p")], action: .togglePause, label: "p", summary: "pause", inFooter: false),
        KeyBinding(keys: [.character("r")], action: .refresh, label: "r", summary: "refresh", inFooter: false),
        KeyBinding(keys: [.character("t")], action: .cycleTheme, label: "t", summary: "next theme", inFooter: false),
        KeyBinding(keys: [.character("y")], action: .copyID, label: "y", summary: "copy job ID", inFooter: false),
        KeyBinding(keys: [.character("?")], action: .help, label: "?", summary: "help", inFooter: true),
        KeyBinding(keys: [.escape, .character("q"), .backspace, .left], action: .back, label: "Esc/q", summary: "back", inFooter: true),
        KeyBinding(keys: [.control("c")], action: .quit, label: "Ctrl-C", summary: "quit", inFooter: false),
    ])

    /// Movement keys shared by both screens.
    static let navigation: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, label: "↑↓/jk", asciiLabel: "jk", summary: "move", inFooter: true),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, label: "↓/j", asciiLabel: "j", summary: "move down", inFooter: false),
        KeyBinding(keys: [.pageUp], action: .pageUp, label: "PgUp/PgDn", summary: "page", inFooter: false),
        KeyBinding(keys: [.pageDown], action: .pageDown, label: "PgDn", summary: "page down", inFooter: false),
        KeyBinding(keys: [.home, .character("g")], action: .top, label: "g/G", summary: "top/bottom", inFooter: false),
        KeyBinding(keys: [.end, .character("G")], action: .bottom, label: "G", summary: "bottom", inFooter: false),
    ]

    /// The action bound to a key, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// Bindings for the help overlay: one line each, with partner keys (↓/j, PgDn, G) folded into their pair.
    public var helpBindings: [KeyBinding] {
        bindings.filter { ![Action.moveDown, .pageDown, .bottom].contains($0.action) }
    }
}
