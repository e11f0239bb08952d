import FoundationEssentials

/// The v2 calls, through the same connection pool, key and error mapping as the beta ones.
extension HTTPBatchClient: BatchesAPI {
    /// Path prefix of the v2 batches.
    static let batchesPath = "/api/v2/batches"
    /// Path prefix of the directories.
    static let directoriesPath = "/api/v1/beta/directories"

    /// One page of batches: `GET /api/v2/batches`.
    public func listBatches(_ query: BatchListQuery) async throws(BatchAPIError) -> CursorPage<Batch> {
        try await listing(prefix: Self.batchesPath, path: "", pageSize: query.pageSize) { pageSize in
            [
                ("page_size", pageSize), ("page_token", query.pageToken),
                ("status", query.status?.uppercased()), ("source_directory_id", query.sourceDirectoryID),
                ("created_at_on_or_after", query.createdOnOrAfter.map(ISO8601Timestamp.format)),
                ("created_at_on_or_before", query.createdOnOrBefore.map(ISO8601Timestamp.format)),
            ]
        }
    }

    /// One batch: `GET /api/v2/batches/{id}[?expand=results]`.
    public func batch(id: String, expandResults: Bool) async throws(BatchAPIError) -> Batch {
        try await send(
            .GET, prefix: Self.batchesPath, path: "/" + APIConfiguration.encode(id),
            query: [("expand", expandResults ? "results" : nil)])
    }

    /// Cancels a batch: `POST /api/v2/batches/{id}/cancel`, no body.
    public func cancelBatch(id: String) async throws(BatchAPIError) -> Batch {
        try await send(.POST, prefix: Self.batchesPath, path: "/" + APIConfiguration.encode(id) + "/cancel", query: [])
    }

    /// Parse or extract jobs by ID: `GET /api/v2/parse|extract?job_ids=a&job_ids=b&page_size=…`.
    public func processingJobs(
        _ kind: ProcessingJobKind, ids: [String], pageSize: Int, pageToken: String?
    ) async throws(BatchAPIError) -> CursorPage<ProcessingJob> {
        try await listing(prefix: "/api/v2/" + kind.rawValue, path: "", pageSize: pageSize) { size in
            ids.map { ("job_ids", $0) } + [("page_size", size), ("page_token", pageToken)]
        }
    }

    /// One page of a directory's files: `GET /api/v1/beta/directories/{id}/files`.
    public func directoryFiles(
        directoryID: String, pageSize: Int, pageToken: String?
    ) async throws(BatchAPIError) -> CursorPage<DirectoryFile> {
        try await listing(
            prefix: Self.directoriesPath, path: "/" + APIConfiguration.encode(directoryID) + "/files", pageSize: pageSize
        ) { size in [("page_size", size), ("page_token", pageToken)] }
    }

    /// A cursor-list call that asks for `pageSize` items a page, unless this route refused a page size before: the
    /// reference states no maximum, so a 400 or 422 to a call with a page size is asked again once without it, and
    /// the route is asked without it from then on (the server's default page size; the cursor still follows).
    private func listing<Element>(
        prefix: String, path: String, pageSize: Int, query: (String?) -> [(String, String?)]
    ) async throws(BatchAPIError) -> CursorPage<Element> {
        let route = prefix + (path.hasSuffix("/files") ? "/*/files" : path)
        if pageSizeRefused.withLock({ $0.contains(route) }) {
            return try await send(.GET, prefix: prefix, path: path, query: query(nil))
        }
        do throws(BatchAPIError) {
            return try await send(.GET, prefix: prefix, path: path, query: query(String(pageSize)))
        } catch {
            guard error.httpStatus == 400 || error.httpStatus == 422 else { throw error }
            let answer: CursorPage<Element> = try await send(.GET, prefix: prefix, path: path, query: query(nil))
            pageSizeRefused.withLock { _ = $0.insert(route) }
            return answer
        }
    }
}
