import FoundationEssentials

/// The calls of the v2 Batches API (and the directory and job listings it refers to) the dashboard uses. The HTTP
/// client implements it; tests use fakes.
public protocol BatchesAPI: Sendable {
    /// One page of the project's batches: `GET /api/v2/batches`.
    func listBatches(_ query: BatchListQuery) async throws(BatchAPIError) -> CursorPage<Batch>
    /// One batch, with its file-to-job mapping when `expandResults`: `GET /api/v2/batches/{id}`.
    func batch(id: String, expandResults: Bool) async throws(BatchAPIError) -> Batch
    /// Asks the server to cancel a batch: `POST /api/v2/batches/{id}/cancel`.
    func cancelBatch(id: String) async throws(BatchAPIError) -> Batch
    /// One page of parse or extract jobs by ID: `GET /api/v2/parse|extract?job_ids=…`.
    func processingJobs(_ kind: ProcessingJobKind, ids: [String], pageSize: Int, pageToken: String?)
        async throws(BatchAPIError) -> CursorPage<ProcessingJob>
    /// One page of a directory's files: `GET /api/v1/beta/directories/{id}/files`.
    func directoryFiles(directoryID: String, pageSize: Int, pageToken: String?)
        async throws(BatchAPIError) -> CursorPage<DirectoryFile>
}

/// Filters and paging of the batch list call.
public struct BatchListQuery: Sendable, Equatable, Hashable {
    /// Page size asked for (the server may send fewer).
    public var pageSize: Int
    /// The cursor of the page; nil for the first.
    public var pageToken: String?
    /// Only batches with this status (upper case on the wire).
    public var status: String?
    /// Only batches over this directory.
    public var sourceDirectoryID: String?
    /// Only batches created at or after this time.
    public var createdOnOrAfter: Date?
    /// Only batches created at or before this time.
    public var createdOnOrBefore: Date?

    /// Creates a query; by default the first page of 100 with no filter.
    public init(
        pageSize: Int = 100, pageToken: String? = nil, status: String? = nil, sourceDirectoryID: String? = nil,
        createdOnOrAfter: Date? = nil, createdOnOrBefore: Date? = nil
    ) {
        self.pageSize = pageSize
        self.pageToken = pageToken
        self.status = status
        self.sourceDirectoryID = sourceDirectoryID
        self.createdOnOrAfter = createdOnOrAfter
        self.createdOnOrBefore = createdOnOrBefore
    }
}

/// Every item of a cursor listing: follows `next_page_token`, stopping on a null/empty token, an empty page, a token
/// seen before (a server looping its cursor) or `maxPages`.
public func collectPages<Element>(
    maxPages: Int = 5_000, _ page: (String?) async throws(BatchAPIError) -> CursorPage<Element>
) async throws(BatchAPIError) -> [Element] {
        var items: [Element] = []
        var token: String?
        var seen: Set<String> = []
        for _ in 0..<max(1, maxPages) {
            let result = try await page(token)
            items.append(contentsOf: result.items)
            guard !result.isLast, let next = result.nextPageToken, seen.insert(next).inserted else { break }
        token = next
    }
    return items
}
