import FoundationEssentials
import LlamaCloud

/// Explicit IDs: one status call per job that is not finished, at most `maxConcurrentRequests` at a time. A finished
/// job is not fetched again until `refresh()`; a job that came back 404 is marked vanished and asked for again only
/// every `fullScanEvery` cycles (or on refresh).
extension Poller {
    /// Runs one watch-list cycle; `all` (a refresh) fetches every job, finished or not.
    func fetchWatchList(all: Bool) async -> CycleResult {
        guard configuration.polls(.v1) else { return CycleResult(failure: nil, anySuccess: true) }
        let recheckVanished = all || (cycle > 0 && cycle % configuration.fullScanEvery == 0)
        // Explicit IDs: a few, so their text is built.
        let due = order.compactMap { tracked[slot: Int($0)]?.id }.filter { id in
            if let owner = owners[id], owner != .v1 { return false }
            guard let known = tracked[id] else { return true }
            if all || known.fetchedAt == nil && !known.isVanished { return true }
            if known.isVanished { return recheckVanished }
            return !known.job.status.isTerminal
        }
        var outcome = CycleResult(failure: nil, anySuccess: due.isEmpty)
        unresolvedAfterV1 = []
        for (id, result) in await fetchStatuses(of: due) {
            switch result {
            case .success(let response):
                outcome.anySuccess = true
                owners[id] = .v1
                store(Job(wire: response.job, progressPercentage: response.progressPercentage), at: now())
            case .failure(let error):
                if case .notFound = error, owners[id] == nil, configuration.polls(.v2) {
                    // Not a beta job: the v2 pass of this cycle asks for it as a batch.
                    outcome.anySuccess = true
                    unresolvedAfterV1.insert(id)
                    continue
                }
                if case .notFound = error {
                    outcome.anySuccess = true
                    markVanished(id, at: now())
                    tracked[id]?.fetchError = error.description
                    continue
                }
                outcome.note(error)
                // A finished job's data is final: a failed re-fetch (on refresh) does not make it stale.
                if let known = tracked[id], known.fetchedAt == nil || !known.job.status.isTerminal {
                    tracked[id]?.fetchError = error.description
                }
            }
        }
        return outcome
    }
}
