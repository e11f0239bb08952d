#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import CTerminalRescue
import Dispatch
import FoundationEssentials
import TerminalUI

/// The ncurses backend: the only code that calls ncurses. It shows buffers by sending only changed cells,
/// turns keys and resizes into events, and restores the terminal on every exit path.
@MainActor
public final class CursesTerminal: Terminal {
    /// What the terminal can show.
    public let capabilities: TerminalCapabilities
    /// Current size.
    public private(set) var size: TerminalSize

    private var screen: OpaquePointer?
    private var previous: Buffer?
    private var colors: ColorAllocator
    private var isActive = true
    /// Timeouts of `nextEvent` so far; standard error captured during full screen is collected every 20th.
    private var idleWakeups = 0
    /// The thread that waits for input while the run loop sleeps (between `startInputWatch` and `stopInputWatch`).
    private var watcher: InputWatcher?

    /// Starts full-screen mode. `forceASCII` disables Unicode drawing; `noColor` uses attributes only; `mouse`
    /// captures clicks and the wheel.
    public static func start(forceASCII: Bool, noColor: Bool, mouse: Bool = true) throws(TerminalStartError) -> CursesTerminal {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { throw .unsupportedTerminal(term.isEmpty ? "(unset)" : term) }
        _ = batchtop_rescue_save_modes()
        guard let screen = newterm(nil, batchtop_stdout(), batchtop_stdin()) else { throw .unsupportedTerminal(term) }
        guard batchtop_can_position_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw .unsupportedTerminal(term)
        }
        let codeset = batchtop_codeset().map { String(cString: $0) } ?? ""
        let unicode = !forceASCII && codeset.uppercased().replacing("-", with: "") == "UTF8"
        let colorSupport = !noColor && has_colors()
        if colorSupport {
            start_color()
            use_default_colors()
        }
        let strategy = ColorStrategy.choose(
            noColor: noColor, hasColors: colorSupport, colors: Int(batchtop_colors()), canChangeColor: can_change_color(),
            environment: ProcessInfo.processInfo.environment)
        cbreak()
        noecho()
        nonl()
        keypad(batchtop_stdscr(), true)
        // No typeahead check: by default doupdate() polls stdin while it draws (8 poll(2) calls a second at
        // steady:30) to stop early for a waiting key; keys are read between frames anyway.
        typeahead(-1)
        curs_set(0)
        set_escdelay(25)
        if mouse {
            mousemask(batchtop_mouse_mask(), nil)
            mouseinterval(0)
        }
        leaveInitialState()
        armCrashRescue(mouse: mouse)
        let terminal = CursesTerminal(
            screen: screen, capabilities: TerminalCapabilities(colorDepth: strategy.depth, unicode: unicode),
            colors: ColorAllocator(strategy: strategy, colorPairs: batchtop_color_pairs(), colors: batchtop_colors()))
        return terminal
    }

    /// Takes ncurses through one `endwin()` and back, the path of resuming after Ctrl-Z, before anything is drawn.
    ///
    /// ncurses 6.4 treats a screen that has never been through `endwin()` as "not yet initialised" (for
    /// terminfo-level callers) and flushes its output after every cursor move: one `write(2)` per changed row,
    /// ~30 per frame at 120x40 (strace, steady:30). After the round trip, `doupdate()` writes a frame at once.
    private static func leaveInitialState() {
        endwin()
        doupdate()
    }

    /// Arms the fatal-signal handlers that put the terminal back with this terminal's own restore sequence.
    private static func armCrashRescue(mouse: Bool) {
        var bytes = [CChar](repeating: 0, count: 512)
        let length = batchtop_restore_sequence(&bytes, bytes.count, mouse ? 1 : 0)
        _ = batchtop_rescue_arm(bytes, length)
    }

    private init(screen: OpaquePointer, capabilities: TerminalCapabilities, colors: ColorAllocator) {
        self.screen = screen
        self.capabilities = capabilities
        self.colors = colors
        self.size = TerminalSize(width: Int(batchtop_cols()), height: Int(batchtop_lines()))
    }

    /// How theme colours reach the terminal (direct RGB, a redefined palette, 256/16/8 colours, or none).
    public var colorStrategy: ColorStrategy { colors.strategy }

    /// Shows a frame: moves to and redraws only the runs of cells that differ from the last frame, then one refresh.
    public func present(_ buffer: Buffer) {
        guard isActive else { return }
        let changes = buffer.changes(since: previous)
        guard !changes.isEmpty else { return }
        for change in changes {
            wmove(batchtop_stdscr(), Int32(change.y), Int32(change.x))
            for cell in change.cells where !cell.isContinuation {
                draw(cell)
            }
        }
        wnoutrefresh(batchtop_stdscr())
        doupdate()
        previous = buffer
    }

    /// Waits up to the timeout for a key or a resize.
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        guard isActive else { return nil }
        wtimeout(batchtop_stdscr(), Int32(timeoutMilliseconds))
        var character: wint_t = 0
        let waitStarted = DispatchTime.now().uptimeNanoseconds
        let result = wget_wch(batchtop_stdscr(), &character)
        if result == ERR {
            let waited = DispatchTime.now().uptimeNanoseconds &- waitStarted
            // A timeout waits the whole timeout; an ERR well before it is end of input, a read error or a signal,
            // and only then is the terminal asked whether it hung up (no extra system call per idle wake-up).
            let early = timeoutMilliseconds <= 0 || waited < UInt64(timeoutMilliseconds) * 500_000
            if early, batchtop_input_closed() != 0 { return .closed }
            idleWakeups += 1
            // The input thread drains captured standard error while it runs; without it, every 20th idle wake-up does.
            if watcher == nil, idleWakeups % 20 == 0 { batchtop_rescue_drain() }
            return nil
        }
        if result == KEY_CODE_YES {
            if Int32(character) == KEY_RESIZE {
                size = TerminalSize(width: Int(batchtop_cols()), height: Int(batchtop_lines()))
                previous = nil
                clearok(batchtop_curscr(), true)
                return .resize(size)
            }
            if Int32(character) == KEY_MOUSE {
                var x: Int32 = 0
                var y: Int32 = 0
                var kind: Int32 = 0
                guard batchtop_mouse_event(&x, &y, &kind) == OK else { return nil }
                return .key(kind == 0 ? .click(x: Int(x), y: Int(y)) : .wheel(Int(kind)))
            }
            return KeyDecoder.functionKey(Int32(character)).map(TerminalEvent.key)
        }
        return KeyDecoder.character(UInt32(character)).map(TerminalEvent.key)
    }

    /// Starts the input thread (`InputWatcher`): `ready` is called when a key, a resize or the end of input may wait.
    public func startInputWatch(_ ready: @escaping @Sendable () -> Void) {
        guard isActive, watcher == nil, let created = InputWatcher(ready: ready) else { return }
        watcher = created
        created.start()
    }

    /// Lets the input thread watch standard input again.
    public func resumeInputWatch() {
        watcher?.resume()
    }

    /// Stops the input thread.
    public func stopInputWatch() {
        watcher?.stop()
        watcher = nil
    }

    /// Writes a terminal control (OSC 52 clipboard, bell, OSC 9/777 notification) straight to the terminal, after
    /// what ncurses has buffered; wrapped for tmux's passthrough where needed.
    public func send(_ control: TerminalControl) {
        guard isActive else { return }
        fflush(batchtop_stdout())
        let insideTmux = !(ProcessInfo.processInfo.environment["TMUX"] ?? "").isEmpty
        let bytes = control.bytes(insideTmux: insideTmux)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
    }

    /// Leaves full-screen mode and frees the screen (idempotent).
    public func restore() {
        guard isActive else { return }
        stopInputWatch()
        isActive = false
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        fflush(batchtop_stdout())
        batchtop_rescue_disarm()
    }

    /// Draws one cell at the cursor.
    private func draw(_ cell: Cell) {
        var attributes = batchtop_a_normal()
        let style = cell.style
        if style.attributes.contains(.bold) { attributes |= batchtop_a_bold() }
        if style.attributes.contains(.dim) { attributes |= batchtop_a_dim() }
        if style.attributes.contains(.reverse) { attributes |= batchtop_a_reverse() }
        if style.attributes.contains(.underline) { attributes |= batchtop_a_underline() }
        let pair = colorPair(for: style)
        var text = cell.text
        if !capabilities.unicode, !text.unicodeScalars.allSatisfy({ $0.isASCII }) {
            text = CharacterWidth.of(Character(text)) == 2 ? "??" : "?"
        }
        for character in text {
            var wide = Array(character.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) })
            wide.append(0)
            _ = batchtop_put_cell(wide, attributes, pair)
        }
    }

    /// The colour pair for a style's colours, allocated on first use; 0 (the default pair) without colour.
    private func colorPair(for style: Style) -> Int32 {
        colors.pair(for: style)
    }
}
