import JobMonitor

/// What the run loop asks of the data side when it performs effects: the seam between the UI runtime and the poller,
/// so the loop can be driven by a scripted backend in tests.
public protocol DashboardBackend: Sendable {
    /// Polls now instead of waiting for the interval.
    func refresh() async
    /// Pauses or resumes polling.
    func setPaused(_ paused: Bool) async
    /// Fetches one page of a job's files.
    func items(jobID: String, offset: Int, limit: Int, status: String?) async -> Result<FileItemPage, ActionFailure>
    /// Cancels a job (or a batch) and says what the server answered.
    func cancel(jobID: String) async -> Result<String, ActionFailure>
    /// A beta job's record and workflow IDs from its status call (nil for a batch, or when the call failed).
    func recordIDs(jobID: String) async -> JobRecordIDs?
}

extension Poller: DashboardBackend {
    /// Cancels with the reason batchtop gives every cancel.
    public func cancel(jobID: String) async -> Result<String, ActionFailure> {
        await cancel(jobID: jobID, reason: "cancelled from batchtop")
    }
}
