import Foundation

/// The status call's response: the job and its progress percentage.
public struct JobStatusResponse: Codable, Sendable, Equatable {
    /// The job.
    public var job: BatchJob
    /// Percentage of items processed, clamped to 0…100 (derived from the counts when the server omits it).
    public var progressPercentage: Double

    enum CodingKeys: String, CodingKey {
        case job
        case progressPercentage = "progress_percentage"
    }

    /// Creates a response, clamping the percentage.
    public init(job: BatchJob, progressPercentage: Double) {
        self.job = job
        self.progressPercentage = Self.clamp(progressPercentage)
    }

    /// Decodes tolerantly: a missing, null or out-of-range percentage is derived or clamped.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        job = try container.decode(BatchJob.self, forKey: .job)
        progressPercentage = Self.clamp(container.lenientDouble(.progressPercentage) ?? Self.derivedPercentage(of: job))
    }

    /// Encodes in the API's wire shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(job, forKey: .job)
        try container.encode(progressPercentage, forKey: .progressPercentage)
    }

    /// Processed (including failed and skipped) over total, as a percentage; 0 for an empty job.
    public static func derivedPercentage(of job: BatchJob) -> Double {
        guard job.totalItems > 0 else { return 0 }
        return clamp(Double(job.processedItems ?? 0) / Double(job.totalItems) * 100)
    }

    /// Clamps a percentage into 0…100 (NaN becomes 0).
    static func clamp(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return min(100, max(0, value))
    }
}
