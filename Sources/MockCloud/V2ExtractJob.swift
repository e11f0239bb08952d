import FoundationEssentials

/// A v2 extract job (list item and the whole body of `GET /api/v2/extract/{id}`).
struct V2ExtractJob: Encodable, Sendable {
    /// `exj-…`.
    let id: String
    /// The project.
    let projectID: String
    /// A free string: PENDING, RUNNING, THROTTLED, COMPLETED, FAILED or CANCELLED.
    let status: String
    /// The file id the job reads.
    let fileInput: String
    /// Creation time.
    let createdAt: String
    /// Last change.
    let updatedAt: String
    /// The extraction configuration.
    let configurationID: String
    /// Why the job failed, or null.
    let errorMessage: V2Nullable<String>

    private enum CodingKeys: String, CodingKey {
        case id, status
        case projectID = "project_id"
        case fileInput = "file_input"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case configurationID = "configuration_id"
        case errorMessage = "error_message"
    }
}
