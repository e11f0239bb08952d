import FoundationEssentials

/// The status call's response: the job and its progress percentage.
public struct JobStatusResponse: Codable, Sendable, Equatable {
    /// The job.
    public var job: BatchJob
    /// Percentage of items processed as the server sent it (derived from the counts when it omits it); it may lie
    /// outside 0…100: the dashboard clamps and flags it where it draws it.
    public var progressPercentage: Double

    enum CodingKeys: String, CodingKey {
        case job
        case progressPercentage = "progress_percentage"
    }

    /// Creates a response.
    public init(job: BatchJob, progressPercentage: Double) {
        self.job = job
        self.progressPercentage = progressPercentage
    }

    /// Decodes tolerantly: a missing, null or non-numeric percentage is derived from the counts; any number is kept.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        job = try container.decode(BatchJob.self, forKey: .job)
        let sent = container.lenientDouble(.progressPercentage)
        progressPercentage = sent.flatMap { $0.isFinite ? $0 : nil } ?? Self.derivedPercentage(of: job)
    }

    /// Encodes in the API's wire shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(job, forKey: .job)
        try container.encode(progressPercentage, forKey: .progressPercentage)
    }

    /// Processed (including failed and skipped) over total, as a percentage; 0 for an empty job.
    public static func derivedPercentage(of job: BatchJob) -> Double {
        derivedPercentage(totalItems: job.totalItems, processedItems: job.processedItems)
    }

    /// `derivedPercentage(of:)` from the two counts it reads.
    public static func derivedPercentage(totalItems: Int, processedItems: Int?) -> Double {
        guard totalItems > 0 else { return 0 }
        return clamp(Double(processedItems ?? 0) / Double(totalItems) * 100)
    }

    /// Clamps a percentage into 0…100 (NaN becomes 0).
    static func clamp(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return min(100, max(0, value))
    }
}
