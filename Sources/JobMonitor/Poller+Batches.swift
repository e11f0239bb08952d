import FoundationEssentials
import LlamaCloud

/// v2 batches: few requests per cycle, like the beta discovery.
///
/// - Listing finds batches: the whole project every `fullScanEvery` cycles (and on refresh, and whenever that costs
///   no more pages), the active statuses (PENDING, RUNNING, THROTTLED) between. In auto mode a 404 from the list route
///   drops the v2 API quietly until the next refresh.
/// - Each batch that is not final costs one `GET /api/v2/batches/{id}?expand=results` per cycle; its directory is
///   counted once (again every `directoryRecountEvery` cycles while it runs), once per directory however many
///   batches share it; the jobs its mapping references are fetched in bulk (`job_ids`, `jobIDsPerCall` a call), all
///   batches' jobs together, and a job that reached an end state is never fetched again.
/// - A batch is final once it and all its jobs reached an end state (or it ended with its results unknown): it costs
///   nothing more. Finished batches seen for the first time are settled at most `finishedBatchesPerCycle` a cycle.
extension Poller {
    /// Runs the v2 part of a discovery cycle.
    func discoverBatches() async -> CycleResult {
        guard let batchesAPI else { return CycleResult(failure: nil, anySuccess: true) }
        let full = !configuration.statuses.isEmpty || batchFullScanDue
            || cyclesSinceBatchScan + 1 >= configuration.fullScanEvery || batchFullScanIsCheaper()
        let queries = full ? configuration.batchDiscoveryQueries : configuration.batchActiveQueries
        let listings = await boundedMap(queries, limit: configuration.maxConcurrentRequests) { query in
            await BatchListing.list(query, from: batchesAPI)
        }.map { $0 ?? BatchListing(batches: [], failure: PagedLister.notRun, isTruncated: false) }
        if configuration.apiSelection == .auto, presence[.v2] == .probing,
            listings.contains(where: { if case .notFound? = $0.failure { return true } else { return false } })
        {
            presence[.v2] = .absent
            return CycleResult(failure: nil, anySuccess: true)
        }
        if listings.contains(where: { $0.failure == nil }) || queries.isEmpty { presence[.v2] = .live }

        var outcome = CycleResult(failure: nil, anySuccess: queries.isEmpty)
        let typeFilter = configuration.batchTypeFilter
        var seen: Set<String> = []
        var newIDs: [String] = []
        for listing in listings {
            if !listing.batches.isEmpty || listing.failure == nil { outcome.anySuccess = true }
            if let failure = listing.failure { outcome.note(failure) }
            for batch in listing.batches {
                if let typeFilter, !typeFilter.contains(batch.jobType.lowercased()) { continue }
                guard seen.insert(batch.id).inserted else { continue }
                if tracked[batch.id] == nil { newIDs.append(batch.id) }
                noteListed(batch)
            }
        }
        // Stored by `noteListed` as they were listed: their slots go first.
        if !newIDs.isEmpty { order = newIDs.compactMap { tracked.slot(of: $0).map(Int32.init) } + order }
        let complete = !listings.isEmpty && listings.allSatisfy(\.isComplete)
        if full, complete {
            // A final batch missing from a complete scan is gone; unfinished ones learn that from their own get.
            for (id, state) in batchStates where !seen.contains(id) && state.isFinal { markVanished(id, at: now()) }
        }
        if full {
            batchFullScanDue = !complete
            cyclesSinceBatchScan = complete ? 0 : cyclesSinceBatchScan + 1
        } else {
            cyclesSinceBatchScan += 1
        }
        let due = dueBatches(among: order)
        outcome.merge(await advanceBatches(due, using: batchesAPI))
        pruneVanished(before: now().addingTimeInterval(-configuration.vanishedRetention))
        batchStates = batchStates.filter { tracked[$0.key] != nil }
        return outcome
    }

    /// Runs the v2 part of a watch-list cycle: the explicit IDs that are (or may be) batches; `all` on refresh.
    func fetchWatchedBatches(all: Bool) async -> CycleResult {
        guard let batchesAPI else { return CycleResult(failure: nil, anySuccess: true) }
        // Explicit IDs: a few, so their text is built.
        let candidates = order.compactMap { tracked[slot: Int($0)]?.id }.filter { id in
            switch owners[id] {
            case .v2?: return true
            case .v1?: return false
            case nil: return !configuration.polls(.v1) || unresolvedAfterV1.contains(id)
            }
        }
        if all { for id in candidates { batchStates[id]?.isFinal = false } }
        let recheckVanished = all || (cycle > 0 && cycle % configuration.fullScanEvery == 0)
        let due = candidates.filter { id in
            guard let known = tracked[id] else { return true }
            if known.isVanished { return recheckVanished }
            return !(batchStates[id]?.isFinal ?? false)
        }
        return await advanceBatches(due, using: batchesAPI, watching: true)
    }

    /// Records a batch as the list call showed it.
    private func noteListed(_ batch: Batch) {
        var state = batchStates[batch.id] ?? BatchProgressState(batch: batch)
        let statusChanged = state.batch.status != batch.status
        var listed = batch
        listed.results = nil
        state.batch = listed
        if statusChanged { state.isFinal = false }
        batchStates[batch.id] = state
        if tracked[batch.id] == nil || statusChanged {
            store(Job(batch: listed, facts: displayedFacts(state)), at: now())
        }
    }

    /// The batches to fetch this cycle: every one not final and not vanished, the finished ones not yet settled
    /// limited to `finishedBatchesPerCycle` (oldest first in display order).
    private func dueBatches(among slots: [Int32]) -> [String] {
        var active: [String] = []
        var settling: [String] = []
        // Beta jobs share the display order: with no batch known there is nothing to walk it for.
        guard !batchStates.isEmpty else { return [] }
        // The batches' IDs as kept, so that the walk builds no text for the beta jobs in the order.
        let batchIDs = Dictionary(batchStates.keys.map { (JobID($0), $0) }, uniquingKeysWith: { first, _ in first })
        for slot in slots {
            guard let job = tracked[slot: Int(slot)], let id = batchIDs[job.jobID], let state = batchStates[id],
                !state.isFinal, !job.isVanished
            else { continue }
            if state.batchIsTerminal { settling.append(id) } else { active.append(id) }
        }
        return active + settling.suffix(configuration.finishedBatchesPerCycle)
    }

    /// Fetches `ids` with their mapping, counts their directories where due, fetches their unfinished jobs in bulk,
    /// and stores each batch with its new counts.
    func advanceBatches(_ ids: [String], using api: any BatchesAPI, watching: Bool = false) async -> CycleResult {
        var outcome = CycleResult(failure: nil, anySuccess: ids.isEmpty)
        guard !ids.isEmpty else { return outcome }
        let fetched = await boundedMap(ids, limit: configuration.maxConcurrentRequests) { id in
            await Self.batch(id, from: api)
        }
        var batches: [Batch] = []
        for (id, result) in zip(ids, fetched) {
            switch result ?? .failure(PagedLister.notRun) {
            case .success(let batch):
                outcome.anySuccess = true
                if watching { owners[id] = .v2 }
                batches.append(batch)
            case .failure(.notFound(let detail)):
                outcome.anySuccess = true
                if tracked[id] == nil { continue }
                markVanished(id, at: now())
                if watching { tracked[id]?.fetchError = BatchAPIError.notFound(detail: detail).description }
            case .failure(let error):
                outcome.note(error)
                if let known = tracked[id], known.fetchedAt == nil || !known.job.status.isTerminal {
                    tracked[id]?.fetchError = error.description
                }
            }
        }
        outcome.merge(await countDirectories(of: batches, using: api))
        let (outcomes, jobFailure) = await fetchOutcomes(of: batches, using: api)
        if let jobFailure { outcome.note(jobFailure) }
        let at = now()
        for batch in batches {
            var state = batchStates[batch.id] ?? BatchProgressState(batch: batch)
            var listed = batch
            listed.results = nil
            state.batch = listed
            let filesTotal = directoryCounts[batch.sourceDirectoryID]?.files
            let incomplete = jobFailure != nil && (batch.results ?? []).contains { entry in
                guard let jobID = entry.jobReference?.id else { return false }
                return state.finishedJobs[jobID] == nil && outcomes[jobID] == nil
            }
            if incomplete {
                // Some of its jobs could not be fetched: counting them as active would understate the counts and then
                // jump; keep the last counts (unknown if none) until a cycle fetches them all.
                state.facts.filesTotal = filesTotal ?? state.facts.filesTotal
                state.isFinal = false
            } else if let results = batch.results {
                var known = state.finishedJobs
                for entry in results {
                    guard let jobID = entry.jobReference?.id, known[jobID] == nil, let fresh = outcomes[jobID] else { continue }
                    known[jobID] = fresh
                }
                state.facts = BatchCounter.facts(results: results, filesTotal: filesTotal, outcomes: known, base: state.facts)
                let referenced = results.compactMap { $0.jobReference?.id }
                state.finishedJobs = known.filter { $0.value.isTerminal }
                let allJobsFinished = referenced.allSatisfy { state.finishedJobs[$0] != nil }
                state.isFinal = state.batchIsTerminal && allJobsFinished && filesTotal != nil
            } else {
                state.facts.resultsKnown = false
                state.facts.filesTotal = filesTotal ?? state.facts.filesTotal
                // An ended batch whose mapping is unknown will not tell more: stop asking.
                state.isFinal = state.batchIsTerminal
            }
            if state.batchIsTerminal { state.cancelRequested = false }
            if state.isFinal { state.finishedJobs = [:] }
            batchStates[batch.id] = state
            // A batch not tracked yet takes its place in the order once it has a slot (at the end, in fetch order).
            let known = tracked.slot(of: batch.id)
            let slot = store(Job(batch: listed, facts: displayedFacts(state)), at: at, slot: known)
            if known == nil { order.append(Int32(slot)) }
            if jobFailure != nil, batch.results != nil, !state.isFinal {
                tracked[batch.id]?.fetchError = jobFailure?.description
            }
        }
        return outcome
    }

    /// The facts to show for a batch: its counts plus whether a cancel is under way.
    func displayedFacts(_ state: BatchProgressState) -> BatchFacts {
        var facts = state.facts
        facts.cancelRequested = state.cancelRequested && !state.batchIsTerminal
        facts.configurationType = state.batch.jobType
        facts.configurationID = state.batch.configurationID
        return facts
    }

    /// Counts the files of the directories of `batches` that were never counted, or not for `directoryRecountEvery`
    /// cycles while a batch over them runs; each directory once.
    private func countDirectories(of batches: [Batch], using api: any BatchesAPI) async -> CycleResult {
        var due: [String] = []
        for batch in batches where !batch.sourceDirectoryID.isEmpty && !due.contains(batch.sourceDirectoryID) {
            let running = !JobStatus(raw: batch.status).isTerminal
            switch directoryCounts[batch.sourceDirectoryID] {
            case nil: due.append(batch.sourceDirectoryID)
            case let counted? where running && cycle - counted.cycle >= configuration.directoryRecountEvery:
                due.append(batch.sourceDirectoryID)
            default: break
            }
        }
        var outcome = CycleResult(failure: nil, anySuccess: due.isEmpty)
        let counts = await boundedMap(due, limit: configuration.maxConcurrentRequests) { directory in
            await Self.countFiles(of: directory, using: api)
        }
        for (directory, result) in zip(due, counts) {
            switch result ?? .failure(PagedLister.notRun) {
            case .success(let files):
                outcome.anySuccess = true
                directoryCounts[directory] = (files, cycle)
            case .failure(let error):
                outcome.note(error)
            }
        }
        return outcome
    }

    /// The outcomes of the unfinished jobs `batches` reference, fetched in bulk by kind in chunks of
    /// `jobIDsPerCall`; with the first error, if a chunk failed (its jobs then count as active).
    private func fetchOutcomes(of batches: [Batch], using api: any BatchesAPI) async
        -> ([String: FileOutcome], BatchAPIError?)
    {
        var wanted: [ProcessingJobKind: [String]] = [:]
        var seen: Set<String> = []
        for batch in batches {
            let finished = batchStates[batch.id]?.finishedJobs ?? [:]
            for entry in batch.results ?? [] {
                guard let reference = entry.jobReference, finished[reference.id] == nil,
                    seen.insert(reference.id).inserted
                else { continue }
                wanted[reference.kind ?? .parse, default: []].append(reference.id)
            }
        }
        let perCall = max(1, configuration.jobIDsPerCall)
        let chunks = JobChunk.split(wanted, perCall: perCall)
        let fetched = await boundedMap(chunks, limit: configuration.maxConcurrentRequests) { chunk in
            await Self.jobs(chunk, using: api, pageSize: perCall)
        }
        var outcomes: [String: FileOutcome] = [:]
        var failure: BatchAPIError?
        for result in fetched {
            switch result ?? .failure(PagedLister.notRun) {
            case .success(let jobs):
                for job in jobs { outcomes[job.id] = FileOutcome(jobStatus: job.status) }
            case .failure(let error):
                if failure == nil { failure = error }
            }
        }
        return (outcomes, failure)
    }

    /// True when listing every batch takes no more calls than listing the active statuses, judged by what is known.
    private func batchFullScanIsCheaper() -> Bool {
        let known = batchStates.values
        let pageSize = PollerConfiguration.pageSize
        let all = max(1, (known.count + pageSize - 1) / pageSize)
        let active = PollerConfiguration.activeBatchStatuses.reduce(0) { total, status in
            let count = known.reduce(0) { $0 + ($1.batch.status.uppercased() == status ? 1 : 0) }
            return total + max(1, (count + pageSize - 1) / pageSize)
        }
        return all <= active
    }

    /// One batch with its mapping, its error caught into the `Result` (built after the `await`; see `fetchStatuses`).
    static func batch(_ id: String, from api: any BatchesAPI) async -> Result<Batch, BatchAPIError> {
        do throws(BatchAPIError) {
            let batch = try await api.batch(id: id, expandResults: true)
            return .success(batch)
        } catch {
            return .failure(error)
        }
    }

    /// The number of files in a directory, counted page by page.
    static func countFiles(of directory: String, using api: any BatchesAPI) async -> Result<Int, BatchAPIError> {
        do throws(BatchAPIError) {
            let files = try await DirectoryListing.all(of: directory, using: api)
            return .success(files.count)
        } catch {
            return .failure(error)
        }
    }

    /// The jobs of one chunk, every page.
    static func jobs(_ chunk: JobChunk, using api: any BatchesAPI, pageSize: Int) async
        -> Result<[ProcessingJob], BatchAPIError>
    {
        do throws(BatchAPIError) {
            let jobs = try await collectPages { (token: String?) async throws(BatchAPIError) in
                try await api.processingJobs(chunk.kind, ids: chunk.ids, pageSize: pageSize, pageToken: token)
            }
            return .success(jobs)
        } catch {
            return .failure(error)
        }
    }
}

/// Job IDs of one kind asked for in one bulk call.
struct JobChunk: Sendable {
    /// Parse or extract.
    let kind: ProcessingJobKind
    /// The IDs.
    let ids: [String]

    /// The bulk calls for `ids` by kind: parse chunks first, then extract, at most `perCall` IDs each.
    static func split(_ ids: [ProcessingJobKind: [String]], perCall: Int) -> [JobChunk] {
        ProcessingJobKind.allCases.flatMap { kind -> [JobChunk] in
            let all = ids[kind] ?? []
            return stride(from: 0, to: all.count, by: max(1, perCall)).map { start in
                JobChunk(kind: kind, ids: Array(all[start..<min(all.count, start + max(1, perCall))]))
            }
        }
    }
}

/// A directory's files, every page (at most `maximumFiles`, and 5,000 pages).
enum DirectoryListing {
    /// Page size asked for when listing a directory's files.
    static let pageSize = 100

    /// Every file of the directory.
    static func all(of directory: String, using api: any BatchesAPI) async throws(BatchAPIError) -> [DirectoryFile] {
        try await collectPages { (token: String?) async throws(BatchAPIError) in
            try await api.directoryFiles(directoryID: directory, pageSize: pageSize, pageToken: token)
        }
    }
}
