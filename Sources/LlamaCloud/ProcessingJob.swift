import FoundationEssentials

/// The two kinds of job a v2 batch hands its files to.
public enum ProcessingJobKind: String, Sendable, Hashable, CaseIterable {
    /// `parse_v2`: `GET /api/v2/parse`.
    case parse
    /// `extract_v2`: `GET /api/v2/extract`.
    case extract
}

/// A v2 parse or extract job (`items` of `GET /api/v2/parse` / `GET /api/v2/extract`): only what the dashboard
/// reads. `status` is kept as sent (extract types it as free text).
public struct ProcessingJob: Decodable, Sendable, Equatable {
    /// Unique identifier, e.g. `pjb-…`.
    public var id: String
    /// PENDING, RUNNING, COMPLETED, FAILED, CANCELLED (THROTTLED for extract), or anything else, as sent.
    public var status: String
    /// Why it failed.
    public var errorMessage: String?
    /// The parse job's name, when it has one.
    public var name: String?
    /// The extract job's input (file or parse job ID).
    public var fileInput: String?
    /// Creation time.
    public var createdAt: Date?
    /// Last update.
    public var updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, status, name
        case errorMessage = "error_message"
        case fileInput = "file_input"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// Creates a job.
    public init(id: String, status: String, errorMessage: String? = nil, name: String? = nil, fileInput: String? = nil) {
        self.id = id
        self.status = status
        self.errorMessage = errorMessage
        self.name = name
        self.fileInput = fileInput
    }

    /// Decodes tolerantly: `id` and `status` are required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.requiredString(.id)
        status = try container.requiredString(.status)
        errorMessage = container.lenientString(.errorMessage)
        name = container.lenientString(.name)
        fileInput = container.lenientString(.fileInput)
        createdAt = container.lenientDate(.createdAt)
        updatedAt = container.lenientDate(.updatedAt)
    }

    /// True for COMPLETED, FAILED and CANCELLED (case-insensitively): the job will not change again.
    public var isTerminal: Bool {
        switch status.uppercased() {
        case "COMPLETED", "FAILED", "CANCELLED", "CANCELED": return true
        default: return false
        }
    }
}
