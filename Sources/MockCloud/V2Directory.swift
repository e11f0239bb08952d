import FoundationEssentials

/// A directory (`GET /api/v1/beta/directories/{id}`).
struct V2Directory: Encodable, Sendable {
    /// `dir-…`.
    let id: String
    /// Its name.
    let name: String
    /// The project.
    let projectID: String
    /// `user`.
    let type: String
    /// A description.
    let description: String
    /// Creation time.
    let createdAt: String
    /// Last change.
    let updatedAt: String

    private enum CodingKeys: String, CodingKey {
        case id, name, type, description
        case projectID = "project_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// A file of a directory (`items` of `GET /api/v1/beta/directories/{id}/files`).
struct V2DirectoryFile: Encodable, Sendable {
    /// `dfl-…`.
    let id: String
    /// The directory.
    let directoryID: String
    /// The file's name (untrusted text).
    let displayName: String
    /// The project.
    let projectID: String
    /// A unique id within the directory.
    let uniqueID: String
    /// The stored file.
    let fileID: String
    /// Creation time.
    let createdAt: String
    /// Last change.
    let updatedAt: String

    private enum CodingKeys: String, CodingKey {
        case id
        case directoryID = "directory_id"
        case displayName = "display_name"
        case projectID = "project_id"
        case uniqueID = "unique_id"
        case fileID = "file_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
