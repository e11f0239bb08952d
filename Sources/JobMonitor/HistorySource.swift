import Foundation

/// What a job's history points are derived from: its samples (storage shared with `MetricsTracker`) and the instants
/// to read them at. Points are worked out only when `JobMetrics.history` is read.
struct HistorySource: Sendable, Equatable {
    /// The job's samples, oldest first, never empty.
    let samples: SampleLog
    /// The last instant.
    let end: Date
    /// Seconds between instants.
    let step: TimeInterval
    /// Most instants.
    let count: Int

    /// Progress fractions at `count` instants `step` seconds apart ending at `end`, skipping instants before the
    /// first sample; each is the newest sample at or before the instant (step-wise).
    func fractions() -> [Double] {
        guard let first = samples.first, count > 0 else { return [] }
        var result: [Double] = []
        result.reserveCapacity(count)
        var index = 0
        for offset in stride(from: count - 1, through: 0, by: -1) {
            let instant = end.addingTimeInterval(-Double(offset) * step)
            if instant < first.at { continue }
            while index + 1 < samples.count, samples[index + 1].at <= instant { index += 1 }
            result.append(samples[index].fraction)
        }
        return result
    }
}
