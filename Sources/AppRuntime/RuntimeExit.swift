/// Why the run loop stopped.
public enum RuntimeExit: Sendable, Equatable {
    /// The user quit (q, Ctrl-C).
    case quit
    /// `--until-done` decided, with this exit code.
    case untilDone(Int32)
    /// The terminal's input ended (end-of-file, a read error, a hang-up without SIGHUP).
    case inputClosed

    /// The process exit code for this ending.
    public var exitCode: Int32 {
        switch self {
        case .quit: 0
        case .untilDone(let code): code
        case .inputClosed: 1
        }
    }
}
