import FoundationEssentials
import LlamaCloud

/// What the poller keeps about one v2 batch between cycles, so each cycle costs only what can still change.
struct BatchProgressState: Sendable {
    /// The batch as last fetched (without its `results`, which are not kept).
    var batch: Batch
    /// The counts derived last.
    var facts: BatchFacts
    /// Outcomes of the batch's jobs that reached an end state: never fetched again.
    var finishedJobs: [String: FileOutcome] = [:]
    /// Cycle in which the directory's files were last counted (nil: never).
    var filesCountedInCycle: Int?
    /// True once the batch and all its jobs reached an end state and the counts are final: it costs nothing more.
    var isFinal = false
    /// True after the cancel was accepted, until the batch reaches an end state.
    var cancelRequested = false

    /// Starts tracking a batch seen for the first time.
    init(batch: Batch) {
        var listed = batch
        listed.results = nil
        self.batch = listed
        facts = BatchFacts(configurationType: batch.jobType, configurationID: batch.configurationID)
    }

    /// True when the batch's own status is an end state.
    var batchIsTerminal: Bool { JobStatus(raw: batch.status).isTerminal }
}
