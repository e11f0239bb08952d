import Foundation
import JobMonitor
import TerminalUI

/// Everything that can change the UI state.
public enum Msg: Sendable, Equatable {
    /// The user pressed a key.
    case key(Key)
    /// The poller published a new snapshot.
    case snapshot(Snapshot)
    /// The terminal changed size.
    case resize(TerminalSize)
    /// The wall clock advanced (drives staleness display).
    case tick(Date)
}

/// Work the reducer asks the outside world to do; the run loop performs it.
public enum Effect: Sendable, Equatable {
    /// Leave the program.
    case quit
    /// Poll now instead of waiting for the interval.
    case refresh
}
