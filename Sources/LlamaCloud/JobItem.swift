import FoundationEssentials

/// One item (file) of a batch job, as the items call sends it.
public struct JobItem: Codable, Sendable, Equatable {
    /// Item identifier.
    public var itemID: String
    /// File name.
    public var itemName: String
    /// `pending`, `processing`, `completed`, `failed`, `skipped`, `cancelled`, or anything newer, as sent.
    public var status: String
    /// Why the item failed.
    public var errorMessage: String?
    /// Why the item was skipped (e.g. `already_processed`, `size_limit_exceeded`).
    public var skipReason: String?
    /// When processing of the item started.
    public var startedAt: Date?
    /// When processing of the item ended.
    public var completedAt: Date?
    /// The underlying parse/extract job.
    public var jobID: String?
    /// Job record of the item.
    public var jobRecordID: String?
    /// The server's `effective_at` time.
    public var effectiveAt: Date?

    enum CodingKeys: String, CodingKey {
        case status
        case itemID = "item_id"
        case itemName = "item_name"
        case errorMessage = "error_message"
        case skipReason = "skip_reason"
        case startedAt = "started_at"
        case completedAt = "completed_at"
        case jobID = "job_id"
        case jobRecordID = "job_record_id"
        case effectiveAt = "effective_at"
    }

    /// Creates an item value.
    public init(
        itemID: String, itemName: String, status: String, errorMessage: String? = nil, skipReason: String? = nil,
        startedAt: Date? = nil, completedAt: Date? = nil, jobID: String? = nil, jobRecordID: String? = nil,
        effectiveAt: Date? = nil
    ) {
        self.itemID = itemID
        self.itemName = itemName
        self.status = status
        self.errorMessage = errorMessage
        self.skipReason = skipReason
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.jobID = jobID
        self.jobRecordID = jobRecordID
        self.effectiveAt = effectiveAt
    }

    /// Decodes tolerantly: only `item_id` is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        itemID = try container.requiredString(.itemID)
        itemName = container.lenientString(.itemName) ?? ""
        status = container.lenientString(.status) ?? "unknown"
        errorMessage = container.lenientString(.errorMessage)
        skipReason = container.lenientString(.skipReason)
        startedAt = container.lenientDate(.startedAt)
        completedAt = container.lenientDate(.completedAt)
        jobID = container.lenientString(.jobID)
        jobRecordID = container.lenientString(.jobRecordID)
        effectiveAt = container.lenientDate(.effectiveAt)
    }

    /// Encodes in the API's wire shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(itemID, forKey: .itemID)
        try container.encode(itemName, forKey: .itemName)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(errorMessage, forKey: .errorMessage)
        try container.encodeIfPresent(skipReason, forKey: .skipReason)
        try container.encodeDate(startedAt, forKey: .startedAt)
        try container.encodeDate(completedAt, forKey: .completedAt)
        try container.encodeIfPresent(jobID, forKey: .jobID)
        try container.encodeIfPresent(jobRecordID, forKey: .jobRecordID)
        try container.encodeDate(effectiveAt, forKey: .effectiveAt)
    }
}
