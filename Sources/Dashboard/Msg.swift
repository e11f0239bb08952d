import FoundationEssentials
import JobMonitor
import TerminalUI

/// Everything that can change the UI state.
public enum Msg: Sendable, Equatable {
    /// The user pressed a key (or used the mouse).
    case key(Key)
    /// The poller published a new snapshot.
    case snapshot(Snapshot)
    /// The terminal changed size.
    case resize(TerminalSize)
    /// The wall clock advanced (drives staleness display).
    case tick(Date)
    /// A page of a job's files arrived (or failed).
    case itemsLoaded(ItemRequest, Result<FileItemPage, ActionFailure>)
    /// A cancel call finished.
    case cancelFinished(jobID: String, Result<String, ActionFailure>)
    /// A job's record and workflow IDs arrived (nil: the status call failed, or the job is a batch).
    case recordIDsLoaded(jobID: String, JobRecordIDs?)
    /// The run loop switched to another theme (after `Effect.cycleTheme`); `note` adds e.g. "colour is off".
    case themeChanged(name: String, note: String?)
}

/// Work the reducer asks the outside world to do; the run loop performs it and answers with a `Msg`.
public enum Effect: Sendable, Equatable {
    /// Leave the program.
    case quit
    /// Poll now instead of waiting for the interval.
    case refresh
    /// Pause or resume polling.
    case setPaused(Bool)
    /// Fetch a page of a job's files; answer with `.itemsLoaded`.
    case loadItems(ItemRequest)
    /// Cancel a job; answer with `.cancelFinished`.
    case cancel(jobID: String)
    /// Fetch a beta job's record and workflow IDs (the listed job does not carry them); answer with
    /// `.recordIDsLoaded`.
    case loadRecordIDs(jobID: String)
    /// Switch to the next theme (the run loop owns the themes, so rendering stays pure); answer with `.themeChanged`.
    case cycleTheme
    /// Write a control to the terminal (clipboard, bell, notification); no answer.
    case terminal(TerminalControl)
}
