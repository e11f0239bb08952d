import JobMonitor
import LlamaCloud

/// The table's rows in display order: positions into the snapshot's jobs, which are shared, not copied, so filtering
/// and sorting 100,000 jobs moves integers only.
public struct JobRows: RandomAccessCollection, Equatable, Sendable {
    /// The snapshot's jobs (shared storage).
    public let jobs: JobList
    /// Positions in `jobs`, in display order; 4 bytes each (100,000 rows: 400 kB, held by the screen and built again
    /// beside the old ones at every sort).
    public let positions: [Int32]

    /// Rows showing `jobs[positions[i]]` at row `i`; no rows by default.
    public init(jobs: JobList = [], positions: [Int32] = []) {
        self.jobs = jobs
        self.positions = positions
    }

    /// Every job, in the order given.
    public init(_ jobs: JobList) {
        self.init(jobs: jobs, positions: jobs.indices.map { Int32(truncatingIfNeeded: $0) })
    }

    /// The first row.
    public var startIndex: Int { 0 }
    /// One past the last row.
    public var endIndex: Int { positions.count }

    /// The job shown at `row`.
    public subscript(row: Int) -> TrackedJob { jobs[Int(positions[row])] }

    /// The row of the job with this ID, looked for first around `hint` (where it was last found), then in the whole
    /// list; nil when no row shows it.
    ///
    /// Around the hint first: the selection is looked up after every sort and every key that moves it, and a look
    /// through the rows in their order read a job scattered in memory per row. At 100,000 jobs, with the selection
    /// far down a sort by progress, that was ~14 ms per look (perf, `time-reduce 100000 30 progress`: 40 % of a
    /// snapshot's reduce). A job that moved further than `nearby` rows is found by its position, read in the list's
    /// own order (ahead of use, as the sort's keys are: `JobList.position(of:)`), and then its row among the
    /// positions.
    public func row(ofID id: String, near hint: Int = 0) -> Int? {
        guard !positions.isEmpty else { return nil }
        let key = JobID(id)
        let start = Swift.min(Swift.max(0, hint), positions.count - 1)
        for distance in 0...Self.nearby {
            let below = start + distance
            if below < positions.count, jobs[Int(positions[below])].jobID == key { return below }
            let above = start - distance
            if distance > 0, above >= 0, jobs[Int(positions[above])].jobID == key { return above }
        }
        guard let position = jobs.position(of: key) else { return nil }
        return positions.firstIndex(of: Int32(truncatingIfNeeded: position))
    }

    /// Rows each side of the hint that `row(ofID:near:)` looks at before it looks through every job.
    static let nearby = 32

    /// The ID of the job at `row`.
    public func id(at row: Int) -> String { jobs[Int(positions[row])].job.id }
}
