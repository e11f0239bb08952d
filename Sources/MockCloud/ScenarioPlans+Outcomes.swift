import FoundationEssentials

/// The `outcomes` scenario: a few jobs with fixed IDs that reach known outcomes within seconds, for end-to-end tests
/// of `--until-done` and for trying scripts.
extension ScenarioPlans {
    /// The IDs of the `outcomes` jobs, by how each ends.
    enum OutcomeID {
        /// Pending 0.5 s, then 20 items at 10/s (one fails), completed at about 2.5 s.
        static let completes = "bjb-outcome-completes"
        /// Pending 0.5 s, then crashes at item 12 (about 1.7 s): failed.
        static let fails = "bjb-outcome-fails"
        /// Pending 0.5 s, running at 5 items/s, cancelled at 2 s.
        static let cancelled = "bjb-outcome-cancelled"
        /// Pending for 3 s, then 10 items at 10/s: completed at about 4 s.
        static let startsLate = "bjb-outcome-late"
    }

    /// The plans of the `outcomes` scenario; times count from the server's start.
    static func outcomes() -> [JobPlan] {
        let project = "proj-outcomes"
        let directory = "dir-outcomes"
        func plan(
            _ id: String, total: Int, pending: TimeInterval, speed: Double, salt: UInt64, failed: [ItemMark] = [],
            crash: JobCrash? = nil, cancelAt: TimeInterval? = nil
        ) -> JobPlan {
            JobPlan(
                id: id, jobType: "parse", projectID: project, directoryID: directory, scheme: .invoices, salt: salt,
                totalItems: total, appearsAt: 0, pendingDuration: pending, itemsPerSecond: speed, concurrency: 1,
                failedMarks: failed, crash: crash, cancelAt: cancelAt)
        }
        return [
            plan(
                OutcomeID.completes, total: 20, pending: 0.5, speed: 10, salt: 1,
                failed: [ItemMark(index: 5, text: "PDF is password-protected")]),
            plan(
                OutcomeID.fails, total: 20, pending: 0.5, speed: 10, salt: 2,
                crash: JobCrash(atProcessed: 12, message: "Worker crashed: out of memory while parsing page 212")),
            plan(OutcomeID.cancelled, total: 20, pending: 0.5, speed: 5, salt: 3, cancelAt: 2),
            plan(OutcomeID.startsLate, total: 10, pending: 3, speed: 10, salt: 4),
        ]
    }
}
