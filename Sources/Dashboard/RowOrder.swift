import Foundation
import JobMonitor

/// The default order of the table: running work first, then failures, then everything else, newest first within each.
public enum RowOrder {
    /// The jobs sorted for display (stable for equal keys).
    public static func sorted(_ jobs: [TrackedJob]) -> [TrackedJob] {
        jobs.enumerated().sorted { lhs, rhs in
            let left = rank(lhs.element.job.status)
            let right = rank(rhs.element.job.status)
            if left != right { return left < right }
            let leftDate = lhs.element.job.createdAt ?? .distantPast
            let rightDate = rhs.element.job.createdAt ?? .distantPast
            if leftDate != rightDate { return leftDate > rightDate }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Group of a status: 0 active (including unknown statuses, which may be active), 1 failed, 2 finished.
    static func rank(_ status: JobStatus) -> Int {
        switch status {
        case .running, .dispatched: return 0
        case .pending, .other: return 1
        case .failed: return 2
        case .completed, .cancelled: return 3
        }
    }
}
