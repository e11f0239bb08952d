/// The one place that decides how a job's numbers are drawn: the gauge's fraction and percentage, clamped to what a
/// gauge can show, and every way the server's counts contradict each other, so screens show the counts as the server
/// sent them and flag them instead of silently "fixing" them.
public struct JobFigures: Sendable, Equatable {
    /// A way the counts of one job are inconsistent.
    public enum Inconsistency: String, Sendable, Hashable, CaseIterable, Comparable {
        /// A count (total, processed, failed or skipped) is below zero.
        case negativeCount
        /// More items processed than the job holds.
        case processedAboveTotal
        /// Failed plus skipped items exceed the processed ones (both are included in processed).
        case partsAboveProcessed
        /// The server's percentage is outside 0…100 or not a number.
        case percentOutOfRange
        /// The processed count is lower than at an earlier poll.
        case wentBackward

        /// What is wrong, in words, for the detail view.
        public var explanation: String {
            switch self {
            case .negativeCount: return "a count is negative"
            case .processedAboveTotal: return "processed_items is above total_items"
            case .partsAboveProcessed: return "failed_items + skipped_items is above processed_items"
            case .percentOutOfRange: return "progress_percentage is outside 0–100"
            case .wentBackward: return "processed_items went down since an earlier poll"
            }
        }

        /// Orders by declaration, so lists of problems read the same every time.
        public static func < (lhs: Inconsistency, rhs: Inconsistency) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// Share of the job done for a gauge, 0…1.
    public var fraction: Double
    /// Percentage done for a label, 0…100.
    public var percent: Double
    /// What contradicts what in the server's numbers, sorted; empty when they agree.
    public var inconsistencies: [Inconsistency]

    /// True when the numbers contradict each other.
    public var isInconsistent: Bool { !inconsistencies.isEmpty }

    /// The figures of a job's last data; `wentBackward` comes from the poller's memory of earlier polls.
    public init(job: Job, wentBackward: Bool = false) {
        var found: Set<Inconsistency> = []
        let counts = [job.totalItems, job.processedItems ?? 0, job.failedItems ?? 0, job.skippedItems ?? 0]
        if counts.contains(where: { $0 < 0 }) { found.insert(.negativeCount) }
        if let processed = job.processedItems, job.totalItems >= 0, processed > job.totalItems {
            found.insert(.processedAboveTotal)
        }
        if let processed = job.processedItems, processed >= 0 {
            let (parts, overflow) = max(0, job.failedItems ?? 0).addingReportingOverflow(max(0, job.skippedItems ?? 0))
            if overflow || parts > processed { found.insert(.partsAboveProcessed) }
        }
        let raw = job.progressPercent
        if !raw.isFinite || raw < 0 || raw > 100 { found.insert(.percentOutOfRange) }
        if wentBackward { found.insert(.wentBackward) }
        percent = Self.percent(reported: raw)
        fraction = percent / 100
        inconsistencies = found.sorted()
    }

    /// The percentage shown for a server's `raw` one: clamped to 0…100, 0 when it is not a number. What `percent`
    /// holds, without the checks of the counts (a sort by progress reads it for every job, and the checks built a set
    /// and two arrays for each).
    @inlinable public static func percent(reported raw: Double) -> Double {
        raw.isFinite ? min(100, max(0, raw)) : 0
    }

    /// The figures of a tracked job, including whether its processed count went down.
    public init(tracked: TrackedJob) {
        self.init(job: tracked.job, wentBackward: tracked.countWentBackward)
    }
}
