import FoundationEssentials

/// A batch-processing job as the API sends it. `status` and `jobType` keep the server's raw strings so that
/// values this client has never seen survive decoding.
public struct BatchJob: Codable, Sendable, Equatable {
    /// Unique identifier, e.g. `bjb-…`, as sent; built from `jobID` when read.
    public var id: String {
        get { jobID.description }
        set { jobID = JobID(newValue) }
    }
    /// The identifier as kept: packed when it has the API's form, so a decoded page makes no string for it (a
    /// 40-character ID was a 96-byte allocation per listed job per cycle) and the poller reads it as it is.
    public var jobID: JobID
    /// `parse`, `extract`, `classify`, or anything newer, as sent.
    public var jobType: String
    /// Project the job belongs to (empty when the server omitted it).
    public var projectID: String
    /// `pending`, `running`, `dispatched`, `completed`, `failed`, `cancelled`, or anything newer, as sent.
    public var status: String
    /// Total number of items (files) in the job.
    public var totalItems: Int
    /// Items processed so far.
    public var processedItems: Int?
    /// Items that failed.
    public var failedItems: Int?
    /// Items skipped (already processed or over the size limit).
    public var skippedItems: Int?
    /// Creation time.
    public var createdAt: Date?
    /// When processing started.
    public var startedAt: Date?
    /// Last update time.
    public var updatedAt: Date?
    /// When the job reached a terminal status.
    public var completedAt: Date?
    /// The server's `effective_at` time.
    public var effectiveAt: Date?
    /// Directory being processed.
    public var directoryID: String?
    /// Error message of the latest attempt.
    public var errorMessage: String?
    /// Job record associated with this status; built from `storedJobRecordID` when read.
    public var jobRecordID: String? {
        get { storedJobRecordID?.description }
        set { storedJobRecordID = newValue.map { JobID($0) } }
    }
    /// Async job tracking ID; built from `storedWorkflowID` when read.
    public var workflowID: String? {
        get { storedWorkflowID?.description }
        set { storedWorkflowID = newValue.map { JobID($0) } }
    }
    /// The job record ID as kept: packed like `jobID` when it has that form. A listing sends it for every job and
    /// the poller does not read it from a page, so the decoder makes no string for it.
    package var storedJobRecordID: JobID?
    /// The workflow ID as kept (see `storedJobRecordID`).
    package var storedWorkflowID: JobID?

    enum CodingKeys: String, CodingKey {
        case id, status
        case jobType = "job_type"
        case projectID = "project_id"
        case totalItems = "total_items"
        case processedItems = "processed_items"
        case failedItems = "failed_items"
        case skippedItems = "skipped_items"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case completedAt = "completed_at"
        case effectiveAt = "effective_at"
        case directoryID = "directory_id"
        case errorMessage = "error_message"
        case jobRecordID = "job_record_id"
        case workflowID = "workflow_id"
    }

    /// Creates a job value; everything but the identity fields is optional.
    public init(
        id: String, jobType: String, projectID: String, status: String, totalItems: Int,
        processedItems: Int? = nil, failedItems: Int? = nil, skippedItems: Int? = nil,
        createdAt: Date? = nil, startedAt: Date? = nil, updatedAt: Date? = nil, completedAt: Date? = nil,
        effectiveAt: Date? = nil, directoryID: String? = nil, errorMessage: String? = nil,
        jobRecordID: String? = nil, workflowID: String? = nil
    ) {
        self.init(
            jobID: JobID(id), jobType: jobType, projectID: projectID, status: status, totalItems: totalItems,
            processedItems: processedItems, failedItems: failedItems, skippedItems: skippedItems, createdAt: createdAt,
            startedAt: startedAt, updatedAt: updatedAt, completedAt: completedAt, effectiveAt: effectiveAt,
            directoryID: directoryID, errorMessage: errorMessage, jobRecordID: jobRecordID.map { JobID($0) },
            workflowID: workflowID.map { JobID($0) })
    }

    /// `init(id:…)` with the three IDs as kept (what the page decoder reads from the bytes).
    package init(
        jobID: JobID, jobType: String, projectID: String, status: String, totalItems: Int,
        processedItems: Int?, failedItems: Int?, skippedItems: Int?, createdAt: Date?, startedAt: Date?,
        updatedAt: Date?, completedAt: Date?, effectiveAt: Date?, directoryID: String?, errorMessage: String?,
        jobRecordID: JobID?, workflowID: JobID?
    ) {
        self.jobID = jobID
        self.jobType = jobType
        self.projectID = projectID
        self.status = status
        self.totalItems = totalItems
        self.processedItems = processedItems
        self.failedItems = failedItems
        self.skippedItems = skippedItems
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.effectiveAt = effectiveAt
        self.directoryID = directoryID
        self.errorMessage = errorMessage
        storedJobRecordID = jobRecordID
        storedWorkflowID = workflowID
    }

    /// Decodes tolerantly: only `id` is truly required; a missing status or type becomes `unknown`, counts default to 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jobID = JobID(try container.requiredString(.id))
        jobType = container.lenientString(.jobType) ?? "unknown"
        projectID = container.lenientString(.projectID) ?? ""
        status = container.lenientString(.status) ?? "unknown"
        // Counts are kept as sent, negative ones too: the dashboard flags contradictions instead of hiding them.
        totalItems = container.lenientInt(.totalItems) ?? 0
        processedItems = container.lenientInt(.processedItems)
        failedItems = container.lenientInt(.failedItems)
        skippedItems = container.lenientInt(.skippedItems)
        createdAt = container.lenientDate(.createdAt)
        startedAt = container.lenientDate(.startedAt)
        updatedAt = container.lenientDate(.updatedAt)
        completedAt = container.lenientDate(.completedAt)
        effectiveAt = container.lenientDate(.effectiveAt)
        directoryID = container.lenientString(.directoryID)
        errorMessage = container.lenientString(.errorMessage)
        jobRecordID = container.lenientString(.jobRecordID)
        workflowID = container.lenientString(.workflowID)
    }

    /// Encodes in the API's wire shape (snake_case keys, ISO 8601 dates, absent optionals omitted).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(jobType, forKey: .jobType)
        try container.encode(projectID, forKey: .projectID)
        try container.encode(status, forKey: .status)
        try container.encode(totalItems, forKey: .totalItems)
        try container.encodeIfPresent(processedItems, forKey: .processedItems)
        try container.encodeIfPresent(failedItems, forKey: .failedItems)
        try container.encodeIfPresent(skippedItems, forKey: .skippedItems)
        try container.encodeDate(createdAt, forKey: .createdAt)
        try container.encodeDate(startedAt, forKey: .startedAt)
        try container.encodeDate(updatedAt, forKey: .updatedAt)
        try container.encodeDate(completedAt, forKey: .completedAt)
        try container.encodeDate(effectiveAt, forKey: .effectiveAt)
        try container.encodeIfPresent(directoryID, forKey: .directoryID)
        try container.encodeIfPresent(errorMessage, forKey: .errorMessage)
        try container.encodeIfPresent(jobRecordID, forKey: .jobRecordID)
        try container.encodeIfPresent(workflowID, forKey: .workflowID)
    }
}
