/// How the terminal backend turns theme colours into terminal colours, chosen from what terminfo and the
/// environment say; when in doubt it settles for the 256-colour palette.
public enum ColorStrategy: Sendable, Equatable {
    /// Attributes only (`NO_COLOR`, `--no-color`, or a terminal without colour).
    case none
    /// Palette entries as they are: 8, 16 or 256 colours; RGB colours map to the nearest entry.
    case indexed(TerminalCapabilities.ColorDepth)
    /// A direct-colour terminfo (e.g. `xterm-direct`, `COLORS` = 2^24): colour numbers are 0xRRGGBB.
    case direct
    /// 256 colours whose entries 16–255 may be redefined to exact RGB values (`COLORTERM=truecolor` or `24bit`
    /// and the terminal can change colours), outside tmux and screen, which do not pass such changes on.
    case redefinedPalette

    /// The depth this strategy shows.
    public var depth: TerminalCapabilities.ColorDepth {
        switch self {
        case .none: return .none
        case .indexed(let depth): return depth
        case .direct, .redefinedPalette: return .truecolor
        }
    }

    /// Chooses a strategy from `has_colors()`, `COLORS`, `can_change_color()` and the environment
    /// (`COLORTERM`, `TERM`, `TMUX`, `STY`).
    public static func choose(
        noColor: Bool, hasColors: Bool, colors: Int, canChangeColor: Bool, environment: [String: String]
    ) -> ColorStrategy {
        guard !noColor, hasColors, colors >= 8 else { return .none }
        if colors >= 0x100_0000 { return .direct }
        let depth: TerminalCapabilities.ColorDepth = colors >= 256 ? .indexed256 : colors >= 16 ? .basic16 : .basic8
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        let term = environment["TERM"] ?? ""
        let multiplexed = !(environment["TMUX"] ?? "").isEmpty || !(environment["STY"] ?? "").isEmpty
            || term.hasPrefix("screen") || term.hasPrefix("tmux")
        if colorTerm == "truecolor" || colorTerm == "24bit", canChangeColor, depth == .indexed256, !multiplexed {
            return .redefinedPalette
        }
        return .indexed(depth)
    }
}
