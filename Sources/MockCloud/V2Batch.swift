import FoundationEssentials

/// A v2 batch as the API sends it (list, get and cancel).
struct V2Batch: Encodable, Sendable {
    /// `bat-…`.
    let id: String
    /// The project.
    let projectID: String
    /// The directory the batch reads (`dir-…`).
    let sourceDirectoryID: String
    /// Upper-case status.
    let status: String
    /// What job each file gets.
    let config: V2BatchConfig
    /// When the batch was created.
    let createdAt: String
    /// When the batch last changed.
    let updatedAt: String
    /// The per-file mapping; null unless asked for with `expand=results` (and sometimes even then).
    let results: V2Nullable<[V2BatchResult]>

    private enum CodingKeys: String, CodingKey {
        case id, status, config, results
        case projectID = "project_id"
        case sourceDirectoryID = "source_directory_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// A batch's configuration: `{"job": {"type", "configuration_id"}}`.
struct V2BatchConfig: Encodable, Sendable {
    /// The job every file gets.
    let job: V2JobConfig
}

/// The job type and configuration of a batch.
struct V2JobConfig: Encodable, Sendable {
    /// `parse_v2` or `extract_v2`.
    let type: String
    /// A saved configuration or a preset.
    let configurationID: String

    private enum CodingKeys: String, CodingKey {
        case type
        case configurationID = "configuration_id"
    }
}

/// One file of a batch's mapping.
struct V2BatchResult: Encodable, Sendable {
    /// The directory file (`dfl-…`).
    let sourceDirectoryFileID: String
    /// The job the file was mapped to, or null.
    let jobReference: V2Nullable<V2JobReference>
    /// Why no job could be created, or null.
    let errorMessage: V2Nullable<String>

    private enum CodingKeys: String, CodingKey {
        case sourceDirectoryFileID = "source_directory_file_id"
        case jobReference = "job_reference"
        case errorMessage = "error_message"
    }
}

/// A reference to a per-file job.
struct V2JobReference: Encodable, Sendable {
    /// `parse_v2` or `extract_v2`.
    let type: String
    /// The job id.
    let id: String
}
