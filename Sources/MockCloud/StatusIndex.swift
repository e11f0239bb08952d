import FoundationEssentials
import LlamaCloud

/// The jobs of a large simulated scenario grouped by status at one moment, which answers the status-filtered listings
/// of the next second (`MockStore.listJobs`).
///
/// A status-filtered page used to simulate every job that existed, to find the page's: at `churn:100000` a dashboard's
/// active listing (~600 pages) kept the mock at 187 % CPU and stretched the dashboard's 2-second cycles to ~80 s. Now
/// the jobs are simulated once a second per scenario, and a page simulates only its own jobs, at the moment of the
/// index so that they have the status they were listed under: a listing sees the jobs as they were up to a second
/// before, as behind a replica. Only for scenarios of `minimumPlans` or more: smaller ones (the demo, tests) list
/// exactly at the request's moment, as before.
struct StatusIndex: Sendable {
    /// The least plans a scenario needs for its listings to be served from an index.
    static let minimumPlans = 10_000
    /// How long an index answers listings after the moment it was built at, in seconds.
    static let reuseWindow: TimeInterval = 1

    /// The simulation time the index was built at.
    let time: TimeInterval
    /// The cancellations there were then (a cancel changes a status: the next listing builds a new index).
    let cancellations: Int
    /// The positions of the plans (newest created first) of the jobs that existed then, by status.
    private let positions: [String: [Int32]]

    /// The index of `data` at `time`.
    init(_ data: SimulatedData, at time: TimeInterval) {
        self.time = time
        cancellations = data.cancellations.count
        var positions: [String: [Int32]] = [:]
        data.forEachExisting(at: time) { position, snapshot in
            positions[snapshot.status, default: []].append(Int32(truncatingIfNeeded: position))
        }
        self.positions = positions
    }

    /// True when this index may answer a listing of `data` at `time`.
    func isCurrent(for data: SimulatedData, at time: TimeInterval) -> Bool {
        time >= self.time && time - self.time < Self.reuseWindow && data.cancellations.count == cancellations
    }

    /// One page of the jobs matching `query` (which names a status), as they were at the index's moment.
    func page(_ query: JobListQuery, of data: SimulatedData, start: Date) -> JobListPage {
        let candidates = query.status.flatMap { positions[$0] } ?? []
        let offset = max(0, query.offset)
        let limit = max(0, query.limit)
        var total = 0
        var page: [BatchJob] = []
        for position in candidates {
            let plan = data.plans[Int(position)]
            guard query.jobType.map({ $0 == plan.jobType }) ?? true,
                query.directoryID.map({ $0 == plan.directoryID }) ?? true
            else { continue }
            if total >= offset, page.count < limit,
                let snapshot = JobSnapshot(plan: plan, at: time, cancelledAt: data.cancellations[plan.id])
            {
                page.append(snapshot.batchJob(start: start))
            }
            total += 1
        }
        return JobListPage(items: page, totalSize: total)
    }
}
