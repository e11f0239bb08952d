/// A beta job's `job_record_id` and `workflow_id`, which only the detail view shows.
///
/// The poller does not keep them from list pages: a server that sends both for every job made each job carry extras
/// and two ID strings (~260 bytes; 100,000 finished jobs peaked at 116 MB instead of 88). The detail view asks for
/// them with the job's status call when it opens (`Poller.recordIDs(jobID:)`), as `kubectl describe` fetches what
/// `get` leaves out.
public struct JobRecordIDs: Sendable, Equatable {
    /// The job's `job_record_id`, if the server sent one.
    public var jobRecordID: String?
    /// The job's `workflow_id`, if the server sent one.
    public var workflowID: String?

    /// Creates the pair.
    public init(jobRecordID: String?, workflowID: String?) {
        self.jobRecordID = jobRecordID
        self.workflowID = workflowID
    }
}
