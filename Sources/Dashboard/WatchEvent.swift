import FoundationEssentials
import JobMonitor

/// One event of headless `--until-done` output: a job that changed or finished, API trouble or its recovery, a
/// heartbeat, or the end with its exit code.
public struct WatchEvent: Sendable, Equatable {
    /// The kinds of event, named as in the JSONL `event` field.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A job changed (appeared, status, a 10 % step, more failed items, vanished) and is not finished.
        case jobChanged = "job_changed"
        /// A job reached `completed`, `failed` or `cancelled` (or was first seen so).
        case jobFinished = "job_finished"
        /// The API started failing (degraded, down, or the key rejected), or the kind of trouble changed.
        case apiError = "api_error"
        /// The API answers again after trouble.
        case apiRecovered = "api_recovered"
        /// Nothing was printed for a while: a sign of life with a summary.
        case heartbeat
        /// Watching stopped; carries the exit code.
        case done
    }

    /// What happened.
    public var kind: Kind
    /// When it was noticed (the snapshot's time, or the clock for heartbeat and done).
    public var timestamp: Date
    /// The job, for job events.
    public var job: TrackedJob?
    /// What changed, for job events.
    public var changes: [WatchChange]
    /// The API's health, for API events.
    public var health: APIHealth?
    /// The exit code, for `done`.
    public var exitCode: Int32?

    /// Creates an event.
    public init(
        kind: Kind, timestamp: Date, job: TrackedJob? = nil, changes: [WatchChange] = [], health: APIHealth? = nil,
        exitCode: Int32? = nil
    ) {
        self.kind = kind
        self.timestamp = timestamp
        self.job = job
        self.changes = changes
        self.health = health
        self.exitCode = exitCode
    }
}
