import Foundation
import LlamaCloud

/// An in-memory v2 server (`BatchesAPI`): batches over directories, their mappings and their parse/extract jobs.
/// Counts every call by kind and the IDs asked per bulk call; pages are capped at `pageCap` items.
final class FakeBatchesAPI: BatchesAPI {
    /// One stored batch.
    struct StoredBatch {
        var batch: Batch
        /// The mapping; nil while the server reports `results: null`.
        var results: [BatchResult]?
    }

    struct State {
        var batches: [StoredBatch] = []
        var directories: [String: [DirectoryFile]] = [:]
        var jobs: [String: ProcessingJob] = [:]
        var listCalls: [BatchListQuery] = []
        var getCalls: [String] = []
        var cancelCalls: [String] = []
        var jobCalls: [(ProcessingJobKind, [String])] = []
        var directoryCalls: [String] = []
        var failure: BatchAPIError?
        var listFailure: BatchAPIError?
        var cancelFailure: BatchAPIError?
        var jobsFailure: BatchAPIError?
    }

    let state = Locked(State())
    /// Most items a page holds, whatever the client asks for.
    let pageCap: Int

    init(pageCap: Int = 100) { self.pageCap = pageCap }

    /// Adds a batch over a new directory of `files` files; `mapped` of them get a job with `jobStatus` (parse or
    /// extract by the batch's type), `mappingErrors` more get an error instead.
    @discardableResult
    func addBatch(
        _ id: String, status: String = "RUNNING", type: String = "parse_v2", files: Int, mapped: Int = 0,
        jobStatus: String = "RUNNING", mappingErrors: Int = 0, resultsNull: Bool = false
    ) -> [String] {
        let directory = "dir-" + id
        let fileList = (0..<files).map { DirectoryFile(id: "dfl-\(id)-\($0)", displayName: "file \($0).pdf") }
        var results: [BatchResult] = []
        var jobIDs: [String] = []
        for index in 0..<min(files, mapped + mappingErrors) {
            if index < mapped {
                let jobID = (type == "extract_v2" ? "exj-" : "pjb-") + "\(id)-\(index)"
                jobIDs.append(jobID)
                results.append(BatchResult(
                    sourceDirectoryFileID: fileList[index].id, jobReference: JobReference(type: type, id: jobID)))
            } else {
                results.append(BatchResult(sourceDirectoryFileID: fileList[index].id, errorMessage: "unsupported file"))
            }
        }
        let batch = Batch(
            id: id, projectID: "p", sourceDirectoryID: directory, status: status, jobType: type,
            configurationID: "cfg-PARSE_AGENTIC")
        state.withLock { state in
            state.directories[directory] = fileList
            for jobID in jobIDs { state.jobs[jobID] = ProcessingJob(id: jobID, status: jobStatus) }
            state.batches.insert(StoredBatch(batch: batch, results: resultsNull ? nil : results), at: 0)
        }
        return jobIDs
    }

    /// Changes a batch's status.
    func setStatus(_ id: String, _ status: String) {
        state.withLock { state in
            if let index = state.batches.firstIndex(where: { $0.batch.id == id }) { state.batches[index].batch.status = status }
        }
    }

    /// Changes jobs' statuses.
    func setJobs(_ ids: [String], status: String, error: String? = nil) {
        state.withLock { state in
            for id in ids { state.jobs[id] = ProcessingJob(id: id, status: status, errorMessage: error) }
        }
    }

    /// Sets or clears a batch's mapping.
    func setResultsNull(_ id: String, _ isNull: Bool) {
        state.withLock { state in
            guard let index = state.batches.firstIndex(where: { $0.batch.id == id }) else { return }
            if isNull { state.batches[index].results = nil } else if state.batches[index].results == nil {
                state.batches[index].results = []
            }
        }
    }

    func resetCounts() {
        state.withLock { state in
            state.listCalls = []
            state.getCalls = []
            state.cancelCalls = []
            state.jobCalls = []
            state.directoryCalls = []
        }
    }

    var listCalls: [BatchListQuery] { state.withLock { $0.listCalls } }
    var getCalls: [String] { state.withLock { $0.getCalls } }
    var cancelCalls: [String] { state.withLock { $0.cancelCalls } }
    var jobCalls: [(ProcessingJobKind, [String])] { state.withLock { $0.jobCalls } }
    var directoryCalls: [String] { state.withLock { $0.directoryCalls } }
    var requestCount: Int {
        state.withLock { $0.listCalls.count + $0.getCalls.count + $0.cancelCalls.count + $0.jobCalls.count + $0.directoryCalls.count }
    }

    private func page<Element>(_ all: [Element], token: String?, size: Int) -> CursorPage<Element> {
        let start = token.flatMap { Int($0.dropFirst()) } ?? 0
        let count = min(max(1, size), pageCap)
        let end = min(all.count, start + count)
        let items = start < all.count ? Array(all[start..<end]) : []
        return CursorPage(items: items, nextPageToken: end < all.count ? "o\(end)" : nil)
    }

    func listBatches(_ query: BatchListQuery) async throws(BatchAPIError) -> CursorPage<Batch> {
        let result: Result<CursorPage<Batch>, BatchAPIError> = state.withLock { state in
            state.listCalls.append(query)
            if let failure = state.failure ?? state.listFailure { return .failure(failure) }
            let matching = state.batches.map(\.batch).filter { batch in
                (query.status.map { $0.uppercased() == batch.status } ?? true)
                    && (query.sourceDirectoryID.map { $0 == batch.sourceDirectoryID } ?? true)
            }
            return .success(page(matching, token: query.pageToken, size: query.pageSize))
        }
        return try result.get()
    }

    func batch(id: String, expandResults: Bool) async throws(BatchAPIError) -> Batch {
        let result: Result<Batch, BatchAPIError> = state.withLock { state in
            state.getCalls.append(id)
            if let failure = state.failure { return .failure(failure) }
            guard let stored = state.batches.first(where: { $0.batch.id == id }) else {
                return .failure(.notFound(detail: "Batch not found"))
            }
            var batch = stored.batch
            batch.results = expandResults ? stored.results : nil
            return .success(batch)
        }
        return try result.get()
    }

    func cancelBatch(id: String) async throws(BatchAPIError) -> Batch {
        let result: Result<Batch, BatchAPIError> = state.withLock { state in
            state.cancelCalls.append(id)
            if let failure = state.cancelFailure ?? state.failure { return .failure(failure) }
            guard let stored = state.batches.first(where: { $0.batch.id == id }) else {
                return .failure(.notFound(detail: "Batch not found"))
            }
            return .success(stored.batch)
        }
        return try result.get()
    }

    func processingJobs(
        _ kind: ProcessingJobKind, ids: [String], pageSize: Int, pageToken: String?
    ) async throws(BatchAPIError) -> CursorPage<ProcessingJob> {
        let result: Result<CursorPage<ProcessingJob>, BatchAPIError> = state.withLock { state in
            state.jobCalls.append((kind, ids))
            if let failure = state.failure ?? state.jobsFailure { return .failure(failure) }
            let found = ids.compactMap { state.jobs[$0] }
            return .success(page(found, token: pageToken, size: pageSize))
        }
        return try result.get()
    }

    func directoryFiles(
        directoryID: String, pageSize: Int, pageToken: String?
    ) async throws(BatchAPIError) -> CursorPage<DirectoryFile> {
        let result: Result<CursorPage<DirectoryFile>, BatchAPIError> = state.withLock { state in
            state.directoryCalls.append(directoryID)
            if let failure = state.failure { return .failure(failure) }
            guard let files = state.directories[directoryID] else { return .failure(.notFound(detail: "no directory")) }
            return .success(page(files, token: pageToken, size: pageSize))
        }
        return try result.get()
    }
}
