import FoundationEssentials

/// One entry of a v2 batch's `results`: how one source file was mapped to a parse or extract job.
public struct BatchResult: Decodable, Sendable, Equatable {
    /// The directory file (`dfl-…`): the key to correlate on.
    public var sourceDirectoryFileID: String
    /// The job handling the file, when one was created.
    public var jobReference: JobReference?
    /// Why no job could be created or linked for this file.
    public var errorMessage: String?

    enum CodingKeys: String, CodingKey {
        case sourceDirectoryFileID = "source_directory_file_id"
        case jobReference = "job_reference"
        case errorMessage = "error_message"
    }

    /// Creates an entry.
    public init(sourceDirectoryFileID: String, jobReference: JobReference? = nil, errorMessage: String? = nil) {
        self.sourceDirectoryFileID = sourceDirectoryFileID
        self.jobReference = jobReference
        self.errorMessage = errorMessage
    }

    /// Decodes; a malformed `job_reference` counts as none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sourceDirectoryFileID = try container.requiredString(.sourceDirectoryFileID)
        jobReference = try? container.decodeIfPresent(JobReference.self, forKey: .jobReference)
        errorMessage = container.lenientString(.errorMessage)
    }
}

/// A reference to the parse or extract job of one file.
public struct JobReference: Decodable, Sendable, Equatable, Hashable {
    /// `parse_v2`, `extract_v2`, or anything newer, as sent.
    public var type: String
    /// The job's ID.
    public var id: String

    enum CodingKeys: String, CodingKey {
        case type, id
    }

    /// Creates a reference.
    public init(type: String, id: String) {
        self.type = type
        self.id = id
    }

    /// Decodes; both fields are required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.requiredString(.type)
        id = try container.requiredString(.id)
    }

    /// The kind of job, judged by `type` (an unknown type is treated as a parse job when its ID says so).
    public var kind: ProcessingJobKind? {
        switch type.lowercased() {
        case "parse_v2", "parse": return .parse
        case "extract_v2", "extract": return .extract
        default: return id.hasPrefix("pjb-") ? .parse : nil
        }
    }
}
