import FoundationEssentials

/// What a job's history points are derived from: the job's live history (its box in the tracker's store) and the
/// instants to read it at. Points are worked out only when `JobMetrics.history` is read (the detail of one job).
///
/// The box is held strongly: copying a source (with the metrics of every job, several times a cycle) retains one
/// object. It used to hold the store weakly and the job's ID, and `swift_weakInit` and the copies of the weak
/// reference and the string took about 440 instructions per job a cycle (callgrind, 10,000 changed jobs). Metrics
/// that outlive their poller still read the history as of their instants; the store itself is not held, so its
/// copy-on-write still sees one owner.
struct HistorySource: Sendable, Equatable {
    /// The job's history.
    let box: HistoryBox
    /// The last instant.
    let end: Date
    /// Seconds between instants.
    let step: TimeInterval
    /// Most instants.
    var count: Int { Int(storedCount) }
    /// `count`, in 4 bytes: a snapshot holds one source per job, and the 4 saved bring a job's storage under the next
    /// smaller allocation size with the rest of the layout (see `TrackedJobStorage.Fields`).
    private let storedCount: Int32

    /// A source reading `box` at `count` instants `step` seconds apart ending at `end`.
    init(box: HistoryBox, end: Date, step: TimeInterval, count: Int) {
        self.box = box
        self.end = end
        self.step = step
        storedCount = Int32(clamping: count)
    }

    /// Progress fractions at `count` instants `step` seconds apart ending at `end` (see `ProgressHistory`).
    func fractions() -> [Double] {
        box.read { $0.fractions(endingAt: end, step: step, count: count) }
    }

    /// Equal when they read the same history at the same instants.
    static func == (lhs: HistorySource, rhs: HistorySource) -> Bool {
        lhs.box === rhs.box && lhs.end == rhs.end && lhs.step == rhs.step && lhs.count == rhs.count
    }
}
