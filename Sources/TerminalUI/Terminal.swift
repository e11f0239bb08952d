/// What the terminal can show.
public struct TerminalCapabilities: Sendable, Equatable {
    /// How many colours the terminal can show.
    public enum ColorDepth: Int, Sendable, Comparable {
        /// Attributes only.
        case none = 0
        /// The 8 basic colours.
        case basic8 = 8
        /// 8 colours plus their bright variants.
        case basic16 = 16
        /// The 256-colour palette.
        case indexed256 = 256
        /// 24-bit colour.
        case truecolor = 16_777_216

        /// Orders depths by how many colours they hold.
        public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Colour support.
    public var colorDepth: ColorDepth
    /// True when the locale is UTF-8 and Unicode drawing is allowed.
    public var unicode: Bool

    /// Creates a capability set.
    public init(colorDepth: ColorDepth, unicode: Bool) {
        self.colorDepth = colorDepth
        self.unicode = unicode
    }
}

/// A terminal size in cells.
public struct TerminalSize: Sendable, Hashable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// The seam between the UI and a concrete terminal library: the dashboard draws buffers and reads keys through it.
@MainActor
public protocol Terminal: AnyObject {
    /// Current size.
    var size: TerminalSize { get }
    /// What the terminal can show.
    var capabilities: TerminalCapabilities { get }
    /// Shows a frame, sending only what changed since the previous one.
    func present(_ buffer: Buffer)
    /// Waits up to `timeoutMilliseconds` for a key, a resize or the end of input; nil when nothing happened.
    /// The run loop calls it with 0 only, after `startInputWatch`'s callback said input may be waiting.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
    /// Starts watching for input off the main actor: `ready` is called, from any thread, when a key, a resize or the
    /// end of input may be waiting; after each call the watch pauses until `resumeInputWatch()`.
    func startInputWatch(_ ready: @escaping @Sendable () -> Void)
    /// Resumes the watch once what was waiting has been read with `nextEvent(timeoutMilliseconds: 0)`.
    func resumeInputWatch()
    /// Stops the watch (idempotent); returns once it no longer calls `ready`.
    func stopInputWatch()
    /// Puts the terminal back as it was (idempotent).
    func restore()
    /// Asks the terminal for something outside the grid: clipboard, bell, notification.
    func send(_ control: TerminalControl)
}

extension Terminal {
    /// Terminals that cannot take controls (test doubles) ignore them.
    public func send(_ control: TerminalControl) {}
}

/// Something the terminal reports to the UI.
public enum TerminalEvent: Sendable, Hashable {
    /// A key was pressed.
    case key(Key)
    /// The terminal changed size.
    case resize(TerminalSize)
    /// The terminal's input ended or failed (end-of-file, a hang-up without SIGHUP): the program should leave.
    case closed
}
