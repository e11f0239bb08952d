/// Why the full-screen terminal could not be started; each message tells the user what to do instead.
public enum TerminalStartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped or redirected).
    case notATerminal
    /// `TERM` is unset, `dumb`, or unknown to terminfo.
    case unsupportedTerminal(String)

    /// A message suitable for standard error.
    public var description: String {
        switch self {
        case .notATerminal:
            return "batchtop: standard input and output must be a terminal for the full-screen dashboard; "
                + "use --once to print one snapshot instead"
        case .unsupportedTerminal(let term):
            return "batchtop: the terminal type '\(term)' cannot run a full-screen program "
                + "(set TERM to e.g. xterm-256color, or use --once to print one snapshot instead)"
        }
    }
}
