import FoundationEssentials

/// A file of a directory (`GET /api/v1/beta/directories/{id}/files`): only what the dashboard reads.
public struct DirectoryFile: Decodable, Sendable, Equatable {
    /// Unique identifier, e.g. `dfl-…`.
    public var id: String
    /// The name shown to people (untrusted text).
    public var displayName: String

    enum CodingKeys: String, CodingKey {
        case id
        case displayName = "display_name"
    }

    /// Creates a file.
    public init(id: String, displayName: String) {
        self.id = id
        self.displayName = displayName
    }

    /// Decodes; `id` is required, a missing name shows as the ID.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.requiredString(.id)
        displayName = container.lenientString(.displayName) ?? id
    }
}
