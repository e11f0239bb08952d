import FoundationEssentials
import LlamaCloud

/// Discovery: few requests per cycle.
///
/// - A full scan lists the whole project (with the user's type filters): on the first cycle, on `refresh()`, every
///   `fullScanEvery` cycles, after a failed full scan, and whenever it costs no more pages than an active scan.
/// - The cycles between list only `pending`, `running` and `dispatched` jobs (status-filtered list calls).
/// - A job believed active that a successful listing covering it no longer contains has left the active set: one
///   status call learns its final state (a 404 marks it vanished). A finished job missing from a full scan vanished.
///   When more jobs left at once than a full scan has pages, the next cycle is a full scan instead of the status
///   calls, so a busy project never costs more than listing it.
/// - With the user's `--status` filter, every cycle lists exactly those statuses.
/// Vanished jobs are kept and marked for `vanishedRetention` seconds (at most `maxVanished` of them, the longest gone
/// dropped first), then dropped with their metrics history; failed fetches keep the last data with `fetchError`.
extension Poller {
    /// Runs one discovery cycle.
    func discover() async -> CycleResult {
        let full = !configuration.statuses.isEmpty || fullScanDue
            || cyclesSinceFullScan + 1 >= configuration.fullScanEvery || fullScanIsCheaper()
        let queries = full ? configuration.discoveryQueries : configuration.activeQueries
        listingNumber &+= 1
        if listingNumber == 0 { listingNumber = 1 }
        listingState = ListingState(isLoading: !firstListingDone && full, number: listingNumber)
        if listingState.isLoading { lastLoadingPublication = ContinuousClock().now }
        let listings = await PagedLister(api: api, limit: configuration.maxConcurrentRequests).list(queries) {
            arrived, progress, more in
            await self.absorb(arrived, progress: progress, more: more)
        }
        let listed = listingState
        listingState = ListingState(isLoading: false, number: 0)
        if configuration.apiSelection == .auto, presence[.v1] == .probing,
            listings.contains(where: { if case .notFound? = $0.failure { return true } else { return false } })
        {
            // This server has no beta batch-processing API: drop it quietly until the next refresh.
            presence[.v1] = .absent
            return CycleResult(failure: nil, anySuccess: true)
        }
        if listings.contains(where: { $0.failure == nil }) { presence[.v1] = .live }
        let fetchedAt = now()
        var outcome = CycleResult(failure: nil, anySuccess: false)
        // The jobs were stored as their pages arrived (`absorb`); here they take their places in display order.
        let thisListing = listed.number
        let newSlots = Array(listed.added.joined())
        var covering: [JobListQuery] = []
        var failed: [(query: JobListQuery, error: BatchAPIError)] = []
        for (query, listing) in zip(queries, listings) {
            // The pages that arrived are fresh data even when a later page failed.
            if listing.count > 0 || listing.failure == nil { outcome.anySuccess = true }
            if let error = listing.failure {
                outcome.note(error)
                failed.append((query, error))
            } else if listing.isComplete {
                covering.append(query)
            }
        }
        if listed.shownEarlyCount > 0 {
            // Jobs shown while the listing paged in take their place in listing order now.
            var placed = newSlots
            placed.reserveCapacity(newSlots.count + max(0, order.count - listed.shownEarlyCount))
            for slot in order where !tracked.unmarkShownEarly(Int(slot)) {
                placed.append(slot)
            }
            order = placed
        } else if !newSlots.isEmpty {
            order = newSlots + order
        }
        if full, failed.isEmpty { firstListingDone = true }

        var departed: [JobID] = []
        // A job every listing showed cannot have left: when all tracked jobs were listed there is nothing to walk.
        // An active-only listing covers unfinished jobs only: walk the missing ones (in display order), not every job.
        let candidates: [Int32]
        if listed.storedCount == tracked.count {
            candidates = []
        } else if full {
            candidates = order
        } else {
            candidates = displayOrder(of: tracked.unfinishedSlots.filter { !tracked.isListed(slot: $0, in: thisListing) })
        }
        for slot in candidates where !tracked.isListed(slot: Int(slot), in: thisListing) {
            guard let known = tracked[slot: Int(slot)], !known.isVanished, known.job.api == .v1 else { continue }
            let id = known.jobID
            if let failure = failed.first(where: { Self.covers($0.query, known.job) }) {
                // The listing that should have shown it failed: keep the data, say why it is not fresh.
                if !known.job.status.isTerminal { tracked[id]?.fetchError = failure.error.description }
            } else if covering.contains(where: { Self.covers($0, known.job) }) {
                if known.job.status.isTerminal {
                    markVanished(id, at: fetchedAt)
                } else {
                    departed.append(id)
                }
            }
        }
        // Many jobs left the active listings at once (a busy project, a slow cycle): one status call each would cost
        // more than listing everything, so list everything next cycle instead (or, in a full scan, ask for no more
        // than that many now and the rest next cycle).
        var fullScanInstead = false
        let budget = pagesToList(configuration.discoveryQueries)
        if departed.count > budget {
            if full {
                departed = Array(departed.prefix(budget))
            } else {
                fullScanInstead = true
                departed = []
            }
        }
        for (id, result) in await fetchStatuses(of: departed.map(\.description)) {
            switch result {
            case .success(let response):
                outcome.anySuccess = true
                store(Job(wire: response.job, progressPercentage: response.progressPercentage), at: now())
            case .failure(.notFound):
                outcome.anySuccess = true
                markVanished(id, at: now())
            case .failure(let error):
                outcome.note(error)
                tracked[id]?.fetchError = error.description
            }
        }

        pruneVanished(before: now().addingTimeInterval(-configuration.vanishedRetention))
        if full {
            fullScanDue = !failed.isEmpty
            cyclesSinceFullScan = failed.isEmpty ? 0 : cyclesSinceFullScan + 1
        } else {
            cyclesSinceFullScan += 1
            if fullScanInstead { fullScanDue = true }
        }
        return outcome
    }

    /// Stores the jobs of pages as they arrive (merged by ID). While the first listing pages in, the new ones are
    /// shown at once and what is loaded so far is published (rate-limited by `publishLoading`).
    func absorb(_ arrived: PagedLister.Arrived, progress: LoadingProgress, more: Bool) {
        let fetchedAt = now()
        var shown: [Int32] = []
        // Each job appended to `shown` is also marked in the table (`JobTable.markShownEarly`), to be placed at the end.
        // By address into the page's buffer, each field read where it is (`absorb`, `Job(wire:sharing:)` and
        // `Job.holdsSameData(as:)` take the pointer): `for wire in page.jobs` copied each job twice on its way into
        // `Job`, each copy retaining and releasing its strings (12 % of a cycle in which 10,000 jobs changed,
        // callgrind), and a job passed `borrowing` (by index, through the array or its buffer alike, as a pointer's
        // `pointee` too) was still copied whole once: the poller writes its own state between the reads, which a
        // pointer might reach for all the optimiser can tell. That copy and its destruction were ~400 instructions a
        // job: `absorb` 55.6–56.1M → 51.7–52.1M a cycle with every job changed, 15.7M → 11.7M in a full scan in which
        // 1 % changed (callgrind, `poll 10000 4` against `… 0`). The buffer also skips the array's checks.
        // The table's part of each job is asked for ahead of its turn (`JobTable.prefetchIndex`, `prefetchJob`): its
        // index bucket `bucketLead` jobs ahead, then, that bucket having come in meanwhile, its storage and history
        // `jobLead` jobs ahead. Each ID's index hash is worked out once, when its bucket is asked for, and kept for
        // the other two uses in a ring of `bucketLead` (a power of two) on the stack: worked out for each use, it was
        // ~80 instructions a job more.
        let bucketLead = 16
        let jobLead = 8
        for page in arrived {
            page.jobs.withUnsafeBufferPointer { jobs in
                guard let base = jobs.baseAddress else { return }
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: bucketLead) { hashes in
                    let ring = bucketLead - 1
                    for index in jobs.indices.prefix(bucketLead) {
                        hashes[index & ring] = JobTable.indexHash(of: jobs[index].jobID)
                        tracked.prefetchIndex(hashed: hashes[index & ring])
                    }
                    for index in jobs.indices.prefix(jobLead) { tracked.prefetchJob(hashed: hashes[index & ring]) }
                    for index in jobs.indices {
                        let hash = hashes[index & ring]
                        if index + bucketLead < jobs.endIndex {
                            hashes[index & ring] = JobTable.indexHash(of: jobs[index + bucketLead].jobID)
                            tracked.prefetchIndex(hashed: hashes[index & ring])
                        }
                        if index + jobLead < jobs.endIndex {
                            tracked.prefetchJob(hashed: hashes[(index + jobLead) & ring])
                        }
                        absorb(base + index, hashed: hash, query: page.query, at: fetchedAt, shown: &shown)
                    }
                }
            }
        }
        if !shown.isEmpty {
            order += shown
            listingState.shownEarlyCount += shown.count
        }
        if listingState.isLoading {
            if more { publishLoading(progress) }
        } else if more {
            publishProgress()
        }
    }

    /// Stores one listed job (the first time this listing shows it), noting whether it is new (and, while loading,
    /// to be shown at once).
    @inline(__always)
    private func absorb(
        _ wire: UnsafePointer<BatchJob>, hashed hash: UInt32, query: Int, at fetchedAt: Date, shown: inout [Int32]
    ) {
        guard configuration.admits(createdAt: wire.pointee.createdAt) else { return }
        let id = wire.pointee.jobID
        let known = tracked.slotInPlace(of: id, hashed: hash)
        // Stored once per listing: a job on two pages (or in two of its queries) keeps the first.
        if let known, !tracked.markListed(known, in: listingState.number) { return }
        // A finished job listed again unchanged: nothing to store (what `store` would conclude, without building a
        // `Job` to compare; the first thing it checks, most of a full scan).
        if let known, let existing = tracked[slot: known], existing.isSettled, existing.job.holdsSameData(as: wire) {
            listingState.storedCount += 1
            return
        }
        // Looked up outside a closure: `known.flatMap { tracked[slot: $0] }` copied the whole table (retaining each of
        // its arrays) for every listed job, ~450 instructions.
        var shared: Job.SharedParts?
        if let known { shared = tracked[slot: known]?.job.sharedParts }
        let slot = store(Job.listed(wire, sharing: shared), at: fetchedAt, slot: known, recordLater: true)
        if known == nil {
            _ = tracked.markListed(slot, in: listingState.number)
            while listingState.added.count <= query { listingState.added.append([]) }
            listingState.added[query].append(Int32(slot))
            if listingState.isLoading {
                tracked.markShownEarly(slot)
                shown.append(Int32(slot))
            }
        }
        listingState.storedCount += 1
    }

    /// The jobs in the given slots in display order, as the last snapshot placed them (jobs it did not show yet
    /// last, by ID).
    func displayOrder(of slots: [Int]) -> [Int32] {
        let placed = slots.map { slot in (slot: slot, position: published.position(ofJobIn: slot, of: tracked) ?? Int.max) }
        return placed.sorted { lhs, rhs in
            if lhs.position != rhs.position { return lhs.position < rhs.position }
            guard let left = tracked[slot: lhs.slot]?.jobID, let right = tracked[slot: rhs.slot]?.jobID else {
                return lhs.slot < rhs.slot
            }
            return left < right
        }.map { Int32($0.slot) }
    }

    /// Marks a job vanished (see `markVanished(_:at:)` with a `JobID`).
    func markVanished(_ id: String, at date: Date) { markVanished(JobID(id), at: date) }

    /// Marks a job vanished, remembering when it was first found so.
    func markVanished(_ id: JobID, at date: Date) {
        guard var job = tracked[id] else { return }
        if !job.isVanished || job.vanishedAt == nil { job.vanishedAt = date }
        job.isVanished = true
        tracked[id] = job
    }

    /// Drops the jobs that vanished before `cutoff`, and past `configuration.maxVanished` jobs gone the longest gone
    /// (ties by ID), with their metrics history.
    func pruneVanished(before cutoff: Date) {
        guard tracked.vanishedCount > 0 else { return }
        var expired: [JobID] = []
        var kept: [(at: Date, id: JobID)] = []
        for id in tracked.vanishedIDs {
            guard let job = tracked[id], job.isVanished, let vanishedAt = job.vanishedAt else { continue }
            if vanishedAt <= cutoff {
                expired.append(id)
            } else {
                kept.append((vanishedAt, id))
            }
        }
        let excess = kept.count - configuration.maxVanished
        if excess > 0 {
            kept.sort { $0 < $1 }
            expired += kept.prefix(excess).map(\.id)
        }
        guard !expired.isEmpty else { return }
        // Out of the order before their slots are freed: a freed slot may be taken by the next new job.
        let expiredSlots = Set(expired.compactMap { tracked.slot(of: $0).map(Int32.init) })
        order.removeAll { expiredSlots.contains($0) }
        // A job's history is kept in its slot (`Poller.store`), so it goes with it.
        for id in expired { tracked[id] = nil }
    }

    /// True when listing everything takes no more calls than listing the active statuses, judged by the jobs known.
    func fullScanIsCheaper() -> Bool {
        pagesToList(configuration.discoveryQueries) <= pagesToList(configuration.activeQueries)
    }

    /// The list calls `queries` would take, judged by the jobs known (at least one per query).
    func pagesToList(_ queries: [JobListQuery]) -> Int {
        let counts = tracked.liveListingCounts
        return queries.reduce(0) { total, query in
            let status = query.status.map { JobStatus(raw: $0) }
            let type = query.jobType.map { JobType(raw: $0) }
            let count = counts.reduce(0) { sum, entry in
                let key = entry.key
                let covered = (status.map { $0 == key.status } ?? true) && (type.map { $0 == key.type } ?? true)
                    && !(query.directoryID != nil && key.outsideDirectory)
                return sum + (covered ? entry.value : 0)
            }
            return total + max(1, (count + PollerConfiguration.pageSize - 1) / PollerConfiguration.pageSize)
        }
    }

    /// True when a listing with `query`'s filters would contain `job` as last known.
    static func covers(_ query: JobListQuery, _ job: Job) -> Bool {
        if let status = query.status, JobStatus(raw: status) != job.status { return false }
        if let type = query.jobType, JobType(raw: type) != job.type { return false }
        if let directory = query.directoryID, let jobDirectory = job.directoryID, directory != jobDirectory {
            return false
        }
        return true
    }
}
