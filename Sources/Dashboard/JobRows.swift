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

    /// The row of the job with this ID, without copying jobs while looking.
    public func row(ofID id: String) -> Int? {
        let key = JobID(id)
        return positions.firstIndex { jobs[Int($0)].jobID == key }
    }

    /// The ID of the job at `row`.
    public func id(at row: Int) -> String { jobs[Int(positions[row])].job.id }
}
