import JobMonitor

/// One thing that changed about a job between two snapshots, worth a line in headless `--until-done` output.
public enum WatchChange: Sendable, Equatable {
    /// The job was seen for the first time (first successful fetch, or first listed).
    case appeared
    /// Its status changed.
    case status(from: JobStatus, to: JobStatus)
    /// Its progress reached a new 10 % step (10, 20, … 100), from the previous step.
    case progress(fromStep: Int, toStep: Int)
    /// Its failed-item count grew.
    case failedItems(from: Int, to: Int)
    /// It is no longer found (404, or gone from the listing).
    case vanished

    /// The change's name in JSON output: `appeared`, `status`, `progress`, `failed_items` or `vanished`.
    public var name: String {
        switch self {
        case .appeared: return "appeared"
        case .status: return "status"
        case .progress: return "progress"
        case .failedItems: return "failed_items"
        case .vanished: return "vanished"
        }
    }
}
