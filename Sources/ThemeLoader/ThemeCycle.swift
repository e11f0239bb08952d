import TerminalUI

/// The themes `t` steps through: the shipped ones (a user theme of the same name replaces one), with the theme
/// the program started with in its place, or first when it is not a shipped one.
public struct ThemeCycle: Sendable {
    /// Every theme of the cycle, loaded up front so a key press never touches the disk.
    public private(set) var entries: [ThemeLoadResult]
    /// The position of the current theme.
    public private(set) var position: Int

    /// A cycle starting at `start`, with the shipped themes as `catalog` resolves their names.
    public init(start: ThemeLoadResult, catalog: ThemeCatalog) {
        var entries = BuiltinThemes.names.map { catalog.load($0) }
        if let index = entries.firstIndex(where: { $0.theme.name == start.theme.name }) {
            entries[index] = start
            position = index
        } else {
            entries.insert(start, at: 0)
            position = 0
        }
        self.entries = entries
    }

    /// The current theme and its diagnostics.
    public var current: ThemeLoadResult { entries[position] }

    /// Moves to the next theme (wrapping around) and returns it.
    public mutating func advance() -> ThemeLoadResult {
        position = (position + 1) % entries.count
        return current
    }
}
