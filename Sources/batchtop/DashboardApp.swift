#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AppRuntime
import CursesTerminal
import Dashboard
import FoundationEssentials
import TextTools
import JobMonitor
import LlamaCloud
import RunLog
import TerminalUI
import ThemeLoader

/// Full-screen mode: starts ncurses, wires the poller, the themes and the log into a `DashboardRuntime`, and puts the
/// terminal back however the run ends.
@MainActor
enum DashboardApp {
    /// Runs until the user quits; returns the process exit code. `themes` starts at the chosen theme and `t` steps
    /// through it; `notices` (config and theme problems, already on standard error) are summed up in the status line.
    /// With `untilDone`, returns the `UntilDone` exit code as soon as it decides (jobs finished, timeout, API trouble).
    static func run(
        poller: Poller, source: String, interval: TimeInterval, forceASCII: Bool, noColor: Bool, readOnly: Bool, mouse: Bool,
        themes: ThemeCycle, notices: [String] = [], untilDone: UntilDonePolicy? = nil, alerts: AlertSettings = AlertSettings(),
        log: LogFile? = nil
    ) async -> Int32 {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(forceASCII: forceASCII, noColor: noColor, mouse: mouse)
        } catch {
            TextOutput.standardError(error.description + "\n")
            return 1
        }
        let trap = SignalTrap { signalNumber in
            terminal.restore()
            exit(128 + signalNumber)
        }
        defer {
            trap.cancel()
            terminal.restore()
        }
        var themeSwitcher = ThemeSwitcher(cycle: themes, colorEnabled: terminal.capabilities.colorDepth != .none)
        let glyphs = terminal.capabilities.unicode ? Glyphs.unicode : Glyphs.ascii
        var state = AppState(
            size: terminal.size, now: Date(), interval: interval, source: source, glyphs: glyphs, isReadOnly: readOnly)
        state.alerts = alerts
        if let first = notices.first {
            state.statusMessage = (notices.count > 1 ? "[1/\(notices.count)] " : "") + first
        }
        let options = RuntimeOptions(
            untilDone: untilDone, snapshotObserver: log.map(WatchLogWriter.init)?.write,
            advanceTheme: {
                let message = themeSwitcher.advance()
                return (themeSwitcher.theme, message)
            },
            afterFirstFrame: { TestCrashTrigger.fireIfRequested() })
        let pollerTask = Task { await poller.run() }
        defer { pollerTask.cancel() }
        let runtime = DashboardRuntime(
            terminal: terminal, backend: poller, snapshots: poller.snapshots, initialState: state, theme: themeSwitcher.theme,
            options: options)
        let ending = await runtime.run()
        if ending == .inputClosed {
            terminal.restore()
            TextOutput.standardError("batchtop: the terminal's input ended (end-of-file or a read error); exiting\n")
        }
        return ending.exitCode
    }
}

/// Writes the watch events between consecutive snapshots to `--log-file`, as the headless watch does.
final class WatchLogWriter: Sendable {
    private let log: LogFile
    private let previous = Locked<Snapshot?>(nil)

    /// A writer into `log`.
    init(log: LogFile) {
        self.log = log
    }

    /// Logs what changed since the snapshot before.
    @Sendable func write(_ snapshot: Snapshot) {
        let before = previous.withLock { slot in
            defer { slot = snapshot }
            return slot
        }
        for event in WatchEvents.derive(previous: before, current: snapshot) {
            log.write(HeadlessWatch.logLine(event, summary: snapshot))
        }
    }
}
