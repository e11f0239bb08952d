import Dashboard
import TerminalUI
import ThemeLoader

/// The run loop's current theme: the cycle's theme with colour, the monochrome theme without (`NO_COLOR`,
/// `--no-color`, a terminal without colour), where `t` only says that colour is off.
struct ThemeSwitcher {
    private var cycle: ThemeCycle
    private let colorEnabled: Bool
    private let monochrome: Theme

    /// A switcher over `cycle`; `colorEnabled` is false when the terminal shows attributes only.
    init(cycle: ThemeCycle, colorEnabled: Bool) {
        self.cycle = cycle
        self.colorEnabled = colorEnabled
        monochrome = cycle.entries.first { $0.theme.name == "monochrome" }?.theme ?? .monochrome
    }

    /// The theme to render with.
    var theme: Theme { colorEnabled ? cycle.current.theme : monochrome }

    /// Moves to the next theme and returns the message announcing it.
    mutating func advance() -> Msg {
        guard colorEnabled else { return .themeChanged(name: monochrome.name, note: "colour is off") }
        let next = cycle.advance()
        let note = next.diagnostics.first.map { first in
            next.diagnostics.count == 1 ? first.shortDescription : "\(first.shortDescription) (+\(next.diagnostics.count - 1) more)"
        }
        return .themeChanged(name: next.theme.name, note: note)
    }
}
