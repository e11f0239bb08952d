import Foundation
import LlamaCloud

/// What the poller watches and how often.
public struct PollerConfiguration: Sendable, Equatable {
    /// Jobs to watch by ID; empty means "discover the project's jobs through the list call".
    public var jobIDs: [String]
    /// Seconds between poll cycles.
    public var interval: TimeInterval
    /// Discovery filter: only these statuses (one list call per status); empty means all.
    public var statuses: [String]
    /// Discovery filter: only these job types; empty means all.
    public var jobTypes: [String]
    /// Discovery filter: only jobs over this directory.
    public var directoryID: String?
    /// Most requests in flight at once.
    public var maxConcurrentRequests: Int

    /// Creates a configuration.
    public init(
        jobIDs: [String] = [], interval: TimeInterval = 2, statuses: [String] = [], jobTypes: [String] = [],
        directoryID: String? = nil, maxConcurrentRequests: Int = 8
    ) {
        self.jobIDs = jobIDs
        self.interval = interval
        self.statuses = statuses
        self.jobTypes = jobTypes
        self.directoryID = directoryID
        self.maxConcurrentRequests = max(1, maxConcurrentRequests)
    }

    /// True when the poller discovers jobs through the list call.
    public var isDiscovery: Bool { jobIDs.isEmpty }

    /// The list queries of one discovery scan: one per combination of status and type filter.
    var discoveryQueries: [JobListQuery] {
        let statusValues: [String?] = statuses.isEmpty ? [nil] : statuses
        let typeValues: [String?] = jobTypes.isEmpty ? [nil] : jobTypes
        return statusValues.flatMap { status in
            typeValues.map { type in JobListQuery(limit: 100, status: status, jobType: type, directoryID: directoryID) }
        }
    }
}
