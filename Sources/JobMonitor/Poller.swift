import Foundation
import LlamaCloud

/// The only component that talks to the network: it polls the API every interval and publishes an immutable
/// `Snapshot` on `snapshots`, a stream that keeps only the newest value so a slow UI never falls behind.
public actor Poller {
    /// Newest snapshot first; older unread snapshots are dropped.
    public nonisolated let snapshots: AsyncStream<Snapshot>

    private let continuation: AsyncStream<Snapshot>.Continuation
    let api: any BatchAPI
    private let configuration: PollerConfiguration
    private let now: @Sendable () -> Date
    private let clock: any Clock<Duration>

    private var order: [String] = []
    private var tracked: [String: TrackedJob] = [:]
    private var health = APIHealth()
    private var cycle = 0
    private var wakeUp: CheckedContinuation<Void, Never>?
    private var refreshRequested = false
    private var isPaused = false

    /// Creates a poller; `now` and `clock` are seams so tests control time.
    public init(
        api: any BatchAPI, configuration: PollerConfiguration, now: @escaping @Sendable () -> Date = { Date() },
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.api = api
        self.configuration = configuration
        self.now = now
        self.clock = clock
        (snapshots, continuation) = AsyncStream.makeStream(of: Snapshot.self, bufferingPolicy: .bufferingNewest(1))
        for id in configuration.jobIDs where tracked[id] == nil {
            order.append(id)
            tracked[id] = .placeholder(id: id)
        }
    }

    /// Polls every interval until the surrounding task is cancelled, then finishes the stream.
    public func run() async {
        while !Task.isCancelled {
            if !isPaused || refreshRequested { _ = await pollOnce() }
            await sleepUntilNextCycle()
        }
        continuation.finish()
    }

    /// Asks for a poll cycle now instead of at the end of the current interval (also retries after a 401/403).
    public func refresh() {
        refreshRequested = true
        health.isUnauthorized = false
        wakeUp?.resume()
        wakeUp = nil
    }

    /// Pauses polling (no requests, no snapshots) or resumes it at once; `refresh()` while paused polls once.
    public func setPaused(_ paused: Bool) {
        isPaused = paused
        if !paused { wake() }
    }

    /// Runs one poll cycle, publishes its snapshot and returns it.
    @discardableResult
    public func pollOnce() async -> Snapshot {
        refreshRequested = false
        if !health.isUnauthorized {
            if configuration.isDiscovery {
                await discover()
            } else {
                await fetchWatchList()
            }
        }
        cycle += 1
        let snapshot = Snapshot(
            jobs: order.compactMap { tracked[$0] }, health: health, takenAt: now(), interval: configuration.interval,
            cycle: cycle)
        continuation.yield(snapshot)
        return snapshot
    }

    /// Discovery: one paginated listing per filter combination; jobs missing from a complete scan are marked vanished.
    private func discover() async {
        var seen: Set<String> = []
        var newIDs: [String] = []
        var failure: BatchAPIError?
        for query in configuration.discoveryQueries {
            do throws(BatchAPIError) {
                let jobs = try await api.listAllJobs(query)
                let fetchedAt = now()
                for wire in jobs {
                    if tracked[wire.id] == nil, !seen.contains(wire.id) { newIDs.append(wire.id) }
                    seen.insert(wire.id)
                    tracked[wire.id] = TrackedJob(job: Job(wire: wire), fetchedAt: fetchedAt)
                }
            } catch {
                failure = error
            }
        }
        order = newIDs + order
        if let failure {
            for id in order where !seen.contains(id) { tracked[id]?.fetchError = failure.description }
            recordFailure(failure)
        } else {
            for id in order where !seen.contains(id) { tracked[id]?.isVanished = true }
            recordSuccess()
        }
    }

    /// Watch list: one status call per job that is not yet terminal, at most `maxConcurrentRequests` at a time.
    private func fetchWatchList() async {
        let due = order.filter { id in
            guard let job = tracked[id] else { return true }
            return job.fetchedAt == nil || !job.job.status.isTerminal
        }
        let results = await fetchStatuses(of: due)
        var failure: BatchAPIError?
        var anySuccess = false
        for (id, result) in results {
            switch result {
            case .success(let response):
                anySuccess = true
                tracked[id] = TrackedJob(
                    job: Job(wire: response.job, progressPercentage: response.progressPercentage), fetchedAt: now())
            case .failure(let error):
                tracked[id]?.fetchError = error.description
                if case .notFound = error {
                    tracked[id]?.isVanished = true
                    anySuccess = true
                } else {
                    failure = error
                }
            }
        }
        if let failure {
            recordFailure(failure)
        } else if anySuccess || due.isEmpty {
            recordSuccess()
        }
    }

    /// Fetches the statuses of the given jobs with bounded concurrency.
    private func fetchStatuses(of ids: [String]) async -> [(String, Result<JobStatusResponse, BatchAPIError>)] {
        let api = self.api
        let limit = configuration.maxConcurrentRequests
        return await withTaskGroup(of: (String, Result<JobStatusResponse, BatchAPIError>).self) { group in
            var results: [(String, Result<JobStatusResponse, BatchAPIError>)] = []
            var iterator = ids.makeIterator()
            func addNext() -> Bool {
                guard let id = iterator.next() else { return false }
                group.addTask {
                    do throws(BatchAPIError) {
                        return (id, .success(try await api.jobStatus(id: id)))
                    } catch {
                        return (id, .failure(error))
                    }
                }
                return true
            }
            for _ in 0..<limit where !addNext() { break }
            while let result = await group.next() {
                results.append(result)
                _ = addNext()
            }
            return results
        }
    }

    private func recordSuccess() {
        health.lastSuccess = now()
        health.consecutiveFailures = 0
    }

    private func recordFailure(_ error: BatchAPIError) {
        health.lastError = error.description
        health.lastErrorAt = now()
        health.consecutiveFailures += 1
        if error.isAuthenticationFailure { health.isUnauthorized = true }
    }

    /// Sleeps one interval on the clock, returning early when `refresh()` is called.
    private func sleepUntilNextCycle() async {
        if refreshRequested { return }
        let interval = configuration.interval
        let clock = self.clock
        let timer = Task { [weak self] in
            try? await clock.sleep(for: .milliseconds(Int64(interval * 1000)), tolerance: nil)
            await self?.wake()
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if refreshRequested || Task.isCancelled {
                    continuation.resume()
                } else {
                    wakeUp = continuation
                }
            }
        } onCancel: {
            Task { await self.wake() }
        }
        timer.cancel()
    }

    private func wake() {
        wakeUp?.resume()
        wakeUp = nil
    }
}
