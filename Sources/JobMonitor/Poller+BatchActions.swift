import FoundationEssentials
import LlamaCloud

/// On-demand calls for v2 batches: the files of a detail view, and cancelling.
extension Poller {
    /// True when `jobID` is a v2 batch (by what was fetched, else by its prefix).
    func isBatch(_ jobID: String) -> Bool {
        if let known = tracked[jobID], known.fetchedAt != nil { return known.job.api == .v2 }
        return owners[jobID] == .v2 || JobAPI.owning(id: jobID) == .v2
    }

    /// One page of a batch's files, failed first: assembled from the directory, the mapping and the jobs when the
    /// first page is asked for (and the last assembly is older than the poll interval), reused while paging.
    func batchFiles(jobID: String, offset: Int, limit: Int, status: String?) async -> Result<FileItemPage, ActionFailure> {
        guard let batchesAPI else { return .failure(ActionFailure(message: "the v2 Batches API is not enabled (--api)")) }
        if let cached = fileListCache[jobID], offset > 0 || now().timeIntervalSince(cached.assembledAt) < configuration.interval {
            return .success(cached.page(offset: offset, limit: limit, filter: status))
        }
        do throws(BatchAPIError) {
            let batch = try await Self.again { () async throws(BatchAPIError) in
                try await batchesAPI.batch(id: jobID, expandResults: true)
            }
            let directory = batch.sourceDirectoryID.isEmpty
                ? [] : try await collectPages(maxPages: BatchFileList.maximumFiles / DirectoryListing.pageSize) {
                    (token: String?) async throws(BatchAPIError) in
                    try await Self.again { () async throws(BatchAPIError) in
                        try await batchesAPI.directoryFiles(
                            directoryID: batch.sourceDirectoryID, pageSize: DirectoryListing.pageSize, pageToken: token)
                    }
                }
            var jobs: [String: ProcessingJob] = [:]
            var wanted: [ProcessingJobKind: [String]] = [:]
            for entry in (batch.results ?? []).prefix(BatchFileList.maximumFiles) {
                guard let reference = entry.jobReference else { continue }
                wanted[reference.kind ?? .parse, default: []].append(reference.id)
            }
            let perCall = max(1, configuration.jobIDsPerCall)
            for chunk in JobChunk.split(wanted, perCall: perCall) {
                let fetched = try await Self.again { () async throws(BatchAPIError) in
                    try await Self.jobs(chunk, using: batchesAPI, pageSize: perCall).get()
                }
                for job in fetched { jobs[job.id] = job }
            }
            let list = BatchFileList.assemble(directory: directory, results: batch.results, jobs: jobs, at: now())
            fileListCache = [jobID: list]
            return .success(list.page(offset: offset, limit: limit, filter: status))
        } catch {
            return .failure(ActionFailure(message: error.description))
        }
    }

    /// Runs `call` up to `attempts` times: a detail view needs every one of its many pages, so a page that failed
    /// for a passing reason (a body that did not decode, a timeout, a 5xx or 429 the retry layer gave up on) is asked
    /// for again; an answer that will not change (401, 403, 404, other 4xx) is not.
    static func again<Value>(
        attempts: Int = 3, _ call: () async throws(BatchAPIError) -> Value
    ) async throws(BatchAPIError) -> Value {
        var attempt = 1
        while true {
            do throws(BatchAPIError) {
                return try await call()
            } catch {
                let passing = error.httpStatus.map { $0 == 429 || $0 >= 500 } ?? true
                guard passing, attempt < attempts, !Task.isCancelled else { throw error }
                attempt += 1
            }
        }
    }

    /// Asks the server to cancel a batch; the row shows "cancelling…" until the batch turns CANCELLED. A refusal
    /// (any 4xx) is returned as the failure and not retried.
    func cancelBatch(jobID: String) async -> Result<String, ActionFailure> {
        guard let batchesAPI else { return .failure(ActionFailure(message: "the v2 Batches API is not enabled (--api)")) }
        do throws(BatchAPIError) {
            let answer = try await batchesAPI.cancelBatch(id: jobID)
            if var state = batchStates[jobID] {
                var listed = answer
                listed.results = nil
                state.batch = listed
                state.cancelRequested = !state.batchIsTerminal
                state.isFinal = false
                batchStates[jobID] = state
                store(Job(batch: listed, facts: displayedFacts(state)), at: now())
            }
            refresh()
            return .success("cancel requested (batch is \(answer.status))")
        } catch {
            return .failure(ActionFailure(message: "not cancelled: " + error.description))
        }
    }
}
