import FoundationEssentials

/// The cancel call's response.
public struct CancelResponse: Codable, Sendable, Equatable {
    /// The job that was cancelled.
    public var jobID: String
    /// The server's message.
    public var message: String
    /// Items processed before the cancel took effect.
    public var processedItems: Int
    /// The job's status after the call, as sent.
    public var status: String

    enum CodingKeys: String, CodingKey {
        case message, status
        case jobID = "job_id"
        case processedItems = "processed_items"
    }

    /// Creates a response value.
    public init(jobID: String, message: String, processedItems: Int, status: String) {
        self.jobID = jobID
        self.message = message
        self.processedItems = processedItems
        self.status = status
    }

    /// Decodes tolerantly: every field may be missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jobID = container.lenientString(.jobID) ?? ""
        message = container.lenientString(.message) ?? ""
        processedItems = container.lenientInt(.processedItems) ?? 0
        status = container.lenientString(.status) ?? "unknown"
    }
}
