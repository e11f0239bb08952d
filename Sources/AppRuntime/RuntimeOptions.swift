import Dashboard
import FoundationEssentials
import JobMonitor
import TerminalUI

/// How a `DashboardRuntime` behaves beyond drawing and keys.
public struct RuntimeOptions {
    /// With `--until-done`: stop with the `UntilDone` exit code as soon as it decides.
    public var untilDone: UntilDonePolicy?
    /// Called for every snapshot as it arrives, off the main actor (e.g. to write watch events to a log).
    public var snapshotObserver: (@Sendable (Snapshot) -> Void)?
    /// Steps to the next theme: the theme to draw with and the message announcing it (`t`). Nil: `t` does nothing.
    public var advanceTheme: (@MainActor () -> (theme: Theme, message: Msg))?
    /// Called once after the first frame is on screen.
    public var afterFirstFrame: (@MainActor () -> Void)?
    /// The wall clock (tests pass a fixed or scripted one).
    public var now: @Sendable () -> Date

    /// Options with nothing extra: no `--until-done`, no observer, no theme cycling, the system clock.
    public init(
        untilDone: UntilDonePolicy? = nil, snapshotObserver: (@Sendable (Snapshot) -> Void)? = nil,
        advanceTheme: (@MainActor () -> (theme: Theme, message: Msg))? = nil, afterFirstFrame: (@MainActor () -> Void)? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.untilDone = untilDone
        self.snapshotObserver = snapshotObserver
        self.advanceTheme = advanceTheme
        self.afterFirstFrame = afterFirstFrame
        self.now = now
    }
}
