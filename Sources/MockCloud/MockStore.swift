import FoundationEssentials
import LlamaCloud

/// A refusal of a request: the HTTP status and the `detail` of its JSON body.
struct MockFailure: Error, Equatable {
    /// HTTP status code.
    let status: Int
    /// Human-readable reason.
    let detail: String

    static let jobNotFound = MockFailure(status: 404, detail: "Batch job not found")
}

/// The server's data: immutable simulation plans or fixed jobs, plus what requests changed (cancellations).
/// A value type, so request handlers read a consistent snapshot of it outside the store's lock.
enum MockData: Sendable {
    case simulated(SimulatedData)
    case fixed(FixedData)

    /// Builds the data of a scenario.
    init(scenario: MockScenario) {
        switch scenario {
        case .demo(let seed): self = .simulated(SimulatedData(plans: ScenarioPlans.demo(seed: seed)))
        case .steady(let count): self = .simulated(SimulatedData(plans: ScenarioPlans.steady(runningJobs: count)))
        case .churn(let count, let seed):
            self = .simulated(
                SimulatedData(plans: ScenarioPlans.churn(jobs: count, seed: seed), maximumLifetime: ScenarioPlans.churnLifetime))
        case .outcomes: self = .simulated(SimulatedData(plans: ScenarioPlans.outcomes()))
        case .batches: self = .simulated(SimulatedData(plans: []))
        case .fixed(let jobs, let items): self = .fixed(FixedData(jobs: jobs, items: items))
        }
    }

    /// One page of the jobs matching the query, newest created first.
    func listJobs(_ query: JobListQuery, at time: TimeInterval, start: Date) -> JobListPage {
        func matches(_ job: BatchJob) -> Bool {
            (query.status.map { $0 == job.status } ?? true)
                && (query.jobType.map { $0 == job.jobType } ?? true)
                && (query.directoryID.map { $0 == job.directoryID } ?? true)
        }
        let offset = max(0, query.offset)
        let limit = max(0, query.limit)
        switch self {
        case .simulated(let data) where query.status == nil:
            // No status filter: which jobs exist, their type and directory follow from the plans alone, so only the
            // page's jobs are simulated (a 100,000-job listing costs O(N) per page, not N snapshots per page).
            var total = 0
            var page: [BatchJob] = []
            let plans = data.plans
            for index in plans.indices where plans[index].exists(at: time) {
                guard query.jobType.map({ $0 == plans[index].jobType }) ?? true,
                    query.directoryID.map({ $0 == plans[index].directoryID }) ?? true
                else { continue }
                if total >= offset, page.count < limit,
                    let snapshot = JobSnapshot(
                        plan: plans[index], at: time, cancelledAt: data.cancellations[plans[index].id])
                {
                    page.append(snapshot.batchJob(start: start))
                }
                total += 1
            }
            return JobListPage(items: page, totalSize: total)
        case .simulated(let data):
            // Filter on the snapshots; build wire jobs only for the page.
            let matching = data.snapshots(at: time).filter { snapshot in
                (query.status.map { $0 == snapshot.status } ?? true)
                    && (query.jobType.map { $0 == snapshot.plan.jobType } ?? true)
                    && (query.directoryID.map { $0 == snapshot.plan.directoryID } ?? true)
            }
            let page = matching.dropFirst(offset).prefix(limit).map { $0.batchJob(start: start) }
            return JobListPage(items: Array(page), totalSize: matching.count)
        case .fixed(let data) where query.status == nil && query.jobType == nil && query.directoryID == nil:
            // Unfiltered: the page is a slice. Filtering copied every job for every page (`finished:100000` took
            // 20-25 s of the mock's time to list once; 1,000 pages of 100,000 copies).
            let jobs = data.jobs
            let from = min(offset, jobs.count)
            let to = min(jobs.count, from + min(limit, jobs.count))
            return JobListPage(items: Array(jobs[from..<to]), totalSize: jobs.count)
        case .fixed(let data):
            // Count the matches, copying only the page's.
            var total = 0
            var page: [BatchJob] = []
            for index in data.jobs.indices where matches(data.jobs[index]) {
                if total >= offset, page.count < limit { page.append(data.jobs[index]) }
                total += 1
            }
            return JobListPage(items: page, totalSize: total)
        }
    }

    /// The status of one job.
    func status(of id: String, at time: TimeInterval, start: Date) throws(MockFailure) -> JobStatusResponse {
        switch self {
        case .simulated(let data):
            let snapshot = try data.snapshot(of: id, at: time)
            return JobStatusResponse(job: snapshot.batchJob(start: start), progressPercentage: snapshot.progressPercentage)
        case .fixed(let data):
            let job = try data.job(id)
            return JobStatusResponse(job: job, progressPercentage: JobStatusResponse.derivedPercentage(of: job))
        }
    }

    /// One page of a job's items.
    func items(of id: String, _ query: ItemListQuery, at time: TimeInterval, start: Date) throws(MockFailure) -> ItemsPage {
        switch self {
        case .simulated(let data):
            let snapshot = try data.snapshot(of: id, at: time)
            return snapshot.itemsPage(status: query.status, offset: query.offset, limit: query.limit, start: start)
        case .fixed(let data):
            _ = try data.job(id)
            let items = (data.items[id] ?? []).filter { item in query.status.map { $0 == item.status } ?? true }
            return ItemsPage(items: Array(items.dropFirst(query.offset).prefix(query.limit)), totalSize: items.count)
        }
    }
}

/// The demo and steady scenarios: job plans and the cancellations requested so far.
struct SimulatedData: Sendable {
    /// Plans, newest created first.
    let plans: [JobPlan]
    /// Position of each plan by job id.
    let positions: [String: Int]
    /// When each cancelled job was cancelled (seconds since the start).
    var cancellations: [String: TimeInterval] = [:]

    /// No job exists longer than this after it appears (nil: jobs may exist forever); lets a listing look only at
    /// the plans that can exist at a given time.
    let maximumLifetime: TimeInterval?

    init(plans: [JobPlan], maximumLifetime: TimeInterval? = nil) {
        let ordered = plans.enumerated().sorted { lhs, rhs in
            lhs.element.appearsAt != rhs.element.appearsAt
                ? lhs.element.appearsAt > rhs.element.appearsAt : lhs.offset < rhs.offset
        }.map(\.element)
        self.plans = ordered
        self.maximumLifetime = maximumLifetime
        positions = Dictionary(ordered.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// The jobs that exist at `time`, newest created first.
    func snapshots(at time: TimeInterval) -> [JobSnapshot] {
        var snapshots: [JobSnapshot] = []
        forEachExisting(at: time) { _, snapshot in snapshots.append(snapshot) }
        return snapshots
    }

    /// Calls `body` with the position and snapshot of each job that exists at `time`, newest created first.
    func forEachExisting(at time: TimeInterval, _ body: (Int, JobSnapshot) -> Void) {
        guard let maximumLifetime else {
            for (position, plan) in plans.enumerated() {
                if let snapshot = JobSnapshot(plan: plan, at: time, cancelledAt: cancellations[plan.id]) {
                    body(position, snapshot)
                }
            }
            return
        }
        // Plans are sorted by `appearsAt`, newest first: skip those not appeared yet, stop at those long gone.
        var low = 0
        var high = plans.count
        while low < high {
            let middle = (low + high) / 2
            if plans[middle].appearsAt > time { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < plans.count, plans[index].appearsAt >= time - maximumLifetime {
            if let snapshot = JobSnapshot(plan: plans[index], at: time, cancelledAt: cancellations[plans[index].id]) {
                body(index, snapshot)
            }
            index += 1
        }
    }

    /// One job at `time`; not found before it appears.
    func snapshot(of id: String, at time: TimeInterval) throws(MockFailure) -> JobSnapshot {
        guard let position = positions[id],
            let snapshot = JobSnapshot(plan: plans[position], at: time, cancelledAt: cancellations[id])
        else { throw .jobNotFound }
        return snapshot
    }

    /// Cancels a job that is not terminal yet, freezing it at `time`.
    mutating func cancel(_ id: String, at time: TimeInterval) throws(MockFailure) -> CancelResponse {
        let snapshot = try snapshot(of: id, at: time)
        guard !snapshot.isTerminal else {
            throw MockFailure(status: 400, detail: "Job is already \(snapshot.status)")
        }
        cancellations[id] = time
        return CancelResponse(
            jobID: id, message: "Batch job cancelled", processedItems: snapshot.processed, status: "cancelled")
    }
}

/// The fixed scenario: jobs and items exactly as given (jobs kept newest created first).
struct FixedData: Sendable {
    /// Jobs, newest created first (jobs without a creation date last, in their given order).
    var jobs: [BatchJob]
    /// Position of each job by id.
    var positions: [String: Int]
    /// Items by job id.
    var items: [String: [JobItem]]

    init(jobs: [BatchJob], items: [String: [JobItem]]) {
        let ordered = jobs.enumerated().sorted { lhs, rhs in
            switch (lhs.element.createdAt, rhs.element.createdAt) {
            case let (left?, right?) where left != right: return left > right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
        self.jobs = ordered
        positions = Dictionary(ordered.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.items = items
    }

    /// The job with this id.
    func job(_ id: String) throws(MockFailure) -> BatchJob {
        guard let position = positions[id] else { throw .jobNotFound }
        return jobs[position]
    }

    /// Cancels a job that is not terminal: it becomes `cancelled` and its unfinished items `cancelled`.
    mutating func cancel(_ id: String, at date: Date) throws(MockFailure) -> CancelResponse {
        guard let position = positions[id] else { throw .jobNotFound }
        var job = jobs[position]
        guard !["completed", "failed", "cancelled"].contains(job.status) else {
            throw MockFailure(status: 400, detail: "Job is already \(job.status)")
        }
        job.status = "cancelled"
        job.completedAt = date
        job.updatedAt = date
        jobs[position] = job
        if let jobItems = items[id] {
            items[id] = jobItems.map { item in
                var item = item
                if item.status == "pending" || item.status == "processing" { item.status = "cancelled" }
                return item
            }
        }
        return CancelResponse(
            jobID: id, message: "Batch job cancelled", processedItems: job.processedItems ?? 0, status: "cancelled")
    }
}

/// Holds the server's data and serialises the changes to it; reads work on a snapshot.
///
/// A lock, not an actor: the server answers on SwiftNIO's event-loop threads, synchronously, so a busy Swift
/// concurrency pool (two threads on a 2-core machine: a dashboard's poller and screen, or a test run's CPU-bound
/// property tests) never holds a response back until the client's timeout.
final class MockStore: Sendable {
    /// The simulation's clock.
    let now: @Sendable () -> Date
    /// The moment the server started: time zero of the simulation.
    let startDate: Date
    /// The current data and v2 batches.
    private let state: Locked<State>
    /// The jobs by status as of the last second, for status-filtered listings of large scenarios (see `listJobs`).
    private let statusIndex = Locked<StatusIndex?>(nil)

    /// What requests may change.
    private struct State {
        /// The v1 jobs.
        var data: MockData
        /// The v2 batches.
        var batches: BatchData
    }

    /// Creates the store of a scenario, starting its clock now.
    init(scenario: MockScenario, now: @escaping @Sendable () -> Date) {
        self.now = now
        startDate = now()
        state = Locked(State(data: MockData(scenario: scenario), batches: BatchData(scenario: scenario)))
    }

    /// The current data (a value: a consistent snapshot to read outside the lock).
    var data: MockData { state.withLock { $0.data } }
    /// The v2 batches as they are now (a value, like `data`).
    var batches: BatchData { state.withLock { $0.batches } }

    /// Requests a batch's cancel; answers with the batch as it is now.
    func cancelBatch(_ id: String) throws(MockFailure) -> BatchState {
        let time = elapsed()
        return try state.withLock { state in
            Result { () throws(MockFailure) in try state.batches.cancel(id, at: time) }
        }.get()
    }

    /// Seconds since the start by the store's clock.
    func elapsed() -> TimeInterval {
        now().timeIntervalSince(startDate)
    }

    /// One page of jobs; a status-filtered page of a large simulated scenario from the `StatusIndex` of the last
    /// second.
    func listJobs(_ query: JobListQuery) -> JobListPage {
        let time = elapsed()
        let data = data
        guard query.status != nil, case .simulated(let simulated) = data,
            simulated.plans.count >= StatusIndex.minimumPlans
        else { return data.listJobs(query, at: time, start: startDate) }
        let index = statusIndex.withLock { cached in
            if let cached, cached.isCurrent(for: simulated, at: time) { return cached }
            let fresh = StatusIndex(simulated, at: time)
            cached = fresh
            return fresh
        }
        return index.page(query, of: simulated, start: startDate)
    }

    /// One job's status.
    func status(of id: String) throws(MockFailure) -> JobStatusResponse {
        try data.status(of: id, at: elapsed(), start: startDate)
    }

    /// One page of a job's items.
    func items(of id: String, _ query: ItemListQuery) throws(MockFailure) -> ItemsPage {
        try data.items(of: id, query, at: elapsed(), start: startDate)
    }

    /// Cancels a job (atomically with the check that it is not terminal).
    func cancel(_ id: String) throws(MockFailure) -> CancelResponse {
        let time = elapsed()
        let date = now()
        return try state.withLock { state in
            Result { () throws(MockFailure) in
                switch state.data {
                case .simulated(var simulated):
                    let response = try simulated.cancel(id, at: time)
                    state.data = .simulated(simulated)
                    return response
                case .fixed(var fixed):
                    let response = try fixed.cancel(id, at: date)
                    state.data = .fixed(fixed)
                    return response
                }
            }
        }.get()
    }
}
