import FoundationEssentials

/// A v2 parse job (`items` of `GET /api/v2/parse`).
struct V2ParseJob: Encodable, Sendable {
    /// `pjb-…`.
    let id: String
    /// The project.
    let projectID: String
    /// PENDING, RUNNING, COMPLETED, FAILED or CANCELLED.
    let status: String
    /// Creation time.
    let createdAt: String
    /// Last change.
    let updatedAt: String
    /// Why the job failed, or null.
    let errorMessage: V2Nullable<String>
    /// The file's name.
    let name: String
    /// The parse tier.
    let tier: String

    private enum CodingKeys: String, CodingKey {
        case id, status, name, tier
        case projectID = "project_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case errorMessage = "error_message"
    }
}

/// The body of `GET /api/v2/parse/{id}`: the job, wrapped.
struct V2ParseJobEnvelope: Encodable, Sendable {
    /// The job.
    let job: V2ParseJob
}
