import FoundationEssentials

/// The calls of the batch-processing API the dashboard uses. The HTTP client implements it; tests use fakes.
public protocol BatchAPI: Sendable {
    /// One page of the project's jobs.
    func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage
    /// The status of one job, with its progress percentage.
    func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse
    /// Asks the server to cancel a job.
    func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse
    /// One page of a job's items (files).
    func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage
}

extension BatchAPI {
    /// Every job matching the query's filters, following `offset`/`limit` pagination until `total_size` is reached.
    /// Stops early if a page comes back empty, so a server whose `total_size` lies cannot make this loop forever.
    public func listAllJobs(_ query: JobListQuery) async throws(BatchAPIError) -> [BatchJob] {
        var jobs: [BatchJob] = []
        var page = query
        page.offset = query.offset
        while true {
            let result = try await listJobs(page)
            jobs.append(contentsOf: result.items)
            let consumed = result.items.count + result.undecodableCount
            page.offset += consumed
            if consumed == 0 || page.offset >= result.totalSize { break }
        }
        return jobs
    }
}

/// Filters and paging of the list call.
public struct JobListQuery: Sendable, Equatable, Hashable {
    /// Page size (the API allows up to 100).
    public var limit: Int
    /// Index of the first job of the page.
    public var offset: Int
    /// Only jobs with this status.
    public var status: String?
    /// Only jobs of this type.
    public var jobType: String?
    /// Only jobs over this directory.
    public var directoryID: String?

    /// Creates a query; by default the first page of 100 with no filter.
    public init(limit: Int = 100, offset: Int = 0, status: String? = nil, jobType: String? = nil, directoryID: String? = nil) {
        self.limit = limit
        self.offset = offset
        self.status = status
        self.jobType = jobType
        self.directoryID = directoryID
    }
}

/// Filters and paging of the items call.
public struct ItemListQuery: Sendable, Equatable, Hashable {
    /// Page size.
    public var limit: Int
    /// Index of the first item of the page.
    public var offset: Int
    /// Only items with this status.
    public var status: String?

    /// Creates a query; by default the first page of 100 with no filter.
    public init(limit: Int = 100, offset: Int = 0, status: String? = nil) {
        self.limit = limit
        self.offset = offset
        self.status = status
    }
}
