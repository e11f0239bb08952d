/// What a v2 batch adds to a `Job`: its configuration and the per-file counts derived from its mapping and the
/// parse/extract jobs it references (the batch itself carries no counts).
public struct BatchFacts: Sendable, Equatable {
    /// `parse_v2`, `extract_v2`, or anything newer, as sent.
    public var configurationType: String
    /// The saved configuration or preset, e.g. `cfg-PARSE_AGENTIC`.
    public var configurationID: String
    /// False while the batch's `results` are unknown (never fetched, or null during a run): the counts below are
    /// the last known ones (or zero) and progress is not known.
    public var resultsKnown: Bool
    /// Files in the source directory (nil until the directory was counted).
    public var filesTotal: Int?
    /// Files whose job completed.
    public var done: Int
    /// Files whose job failed.
    public var failedJobs: Int
    /// Files for which no job could be created (`error_message` in the mapping).
    public var mappingErrors: Int
    /// Files whose job was cancelled.
    public var cancelled: Int
    /// Files whose job is pending, running, throttled or in a status this client does not know.
    public var active: Int
    /// Files with no mapping entry yet (total − results).
    public var waiting: Int
    /// A cancel was accepted and the batch has not turned CANCELLED yet (shown as "cancelling…").
    public var cancelRequested: Bool

    /// Creates the facts; counts default to zero.
    public init(
        configurationType: String, configurationID: String, resultsKnown: Bool = false, filesTotal: Int? = nil,
        done: Int = 0, failedJobs: Int = 0, mappingErrors: Int = 0, cancelled: Int = 0, active: Int = 0,
        waiting: Int = 0, cancelRequested: Bool = false
    ) {
        self.configurationType = configurationType
        self.configurationID = configurationID
        self.resultsKnown = resultsKnown
        self.filesTotal = filesTotal
        self.done = done
        self.failedJobs = failedJobs
        self.mappingErrors = mappingErrors
        self.cancelled = cancelled
        self.active = active
        self.waiting = waiting
        self.cancelRequested = cancelRequested
    }

    /// Failed files: failed jobs plus mapping errors.
    public var failed: Int { failedJobs + mappingErrors }

    /// Files that reached an end state (done, failed or cancelled).
    public var finished: Int { done + failed + cancelled }

    /// Progress in percent, or nil when it is not known (results unknown, or no files counted / zero files).
    public var progressPercent: Double? {
        guard resultsKnown, let filesTotal, filesTotal > 0 else { return nil }
        return min(100, max(0, Double(finished) / Double(filesTotal) * 100))
    }
}
