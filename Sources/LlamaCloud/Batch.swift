import FoundationEssentials

/// A v2 batch (`/api/v2/batches`) as the API sends it: the same shape from list, get and cancel. `status` keeps the
/// server's raw string so values this client has never seen survive decoding.
public struct Batch: Decodable, Sendable, Equatable {
    /// Unique identifier, e.g. `bat-…`.
    public var id: String
    /// Owning project (empty when the server omitted it).
    public var projectID: String
    /// The directory whose files the batch processes, e.g. `dir-…`.
    public var sourceDirectoryID: String
    /// PENDING, RUNNING, THROTTLED, COMPLETED, FAILED, CANCELLED, or anything newer, as sent.
    public var status: String
    /// `config.job.type`: `parse_v2`, `extract_v2`, or anything newer.
    public var jobType: String
    /// `config.job.configuration_id`, e.g. `cfg-PARSE_AGENTIC`.
    public var configurationID: String
    /// Creation time.
    public var createdAt: Date?
    /// Last update.
    public var updatedAt: Date?
    /// The file-to-job mapping: nil unless asked for with `expand=results`, and possibly nil during a run.
    public var results: [BatchResult]?
    /// Entries of `results` that could not be decoded.
    public var undecodableResults: Int

    enum CodingKeys: String, CodingKey {
        case id, status, config, results
        case projectID = "project_id"
        case sourceDirectoryID = "source_directory_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    enum ConfigKeys: String, CodingKey {
        case job
    }

    enum JobKeys: String, CodingKey {
        case type
        case configurationID = "configuration_id"
    }

    /// Creates a batch.
    public init(
        id: String, projectID: String = "", sourceDirectoryID: String, status: String, jobType: String,
        configurationID: String, createdAt: Date? = nil, updatedAt: Date? = nil, results: [BatchResult]? = nil
    ) {
        self.id = id
        self.projectID = projectID
        self.sourceDirectoryID = sourceDirectoryID
        self.status = status
        self.jobType = jobType
        self.configurationID = configurationID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.results = results
        undecodableResults = 0
    }

    /// Decodes tolerantly: `id` and `status` are required; a missing configuration or directory degrades to "".
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.requiredString(.id)
        status = try container.requiredString(.status)
        projectID = container.lenientString(.projectID) ?? ""
        sourceDirectoryID = container.lenientString(.sourceDirectoryID) ?? ""
        let job = try? container.nestedContainer(keyedBy: ConfigKeys.self, forKey: .config)
            .nestedContainer(keyedBy: JobKeys.self, forKey: .job)
        jobType = job?.lenientString(.type) ?? ""
        configurationID = job?.lenientString(.configurationID) ?? ""
        createdAt = container.lenientDate(.createdAt)
        updatedAt = container.lenientDate(.updatedAt)
        var decoded: [BatchResult]?
        var failures = 0
        if var list = try? container.nestedUnkeyedContainer(forKey: .results) {
            var entries: [BatchResult] = []
            while !list.isAtEnd {
                if let entry = try? list.decode(BatchResult.self) {
                    entries.append(entry)
                } else {
                    failures += 1
                    _ = try list.decode(AnyDiscard.self)
                }
            }
            decoded = entries
        }
        results = decoded
        undecodableResults = failures
    }
}
