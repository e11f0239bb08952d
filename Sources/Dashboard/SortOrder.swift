/// The column the table is sorted by, or the default order.
public enum SortKey: String, Sendable, CaseIterable, Hashable {
    /// Running work first, then failures, then the rest, newest first.
    case standard = "default"
    /// Status group.
    case status
    /// Percentage done.
    case progress
    /// Items per second.
    case throughput
    /// Time to completion.
    case eta
    /// Failed items.
    case failed
    /// Creation time.
    case created
    /// Last update.
    case updated
    /// Job type.
    case type

    /// The next key in the `s` cycle.
    public var next: SortKey {
        let all = SortKey.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }
}

/// How the table is ordered.
public struct SortOrder: Sendable, Equatable {
    /// The column.
    public var key: SortKey
    /// True when reversed with `S`.
    public var reversed: Bool

    /// True when the order reads nothing of a job but what `Snapshot.rowOrderVersion` follows: its status, its type and
    /// its creation time (both in its identity), and its place in the snapshot for ties. Two snapshots with one version
    /// sort alike by it.
    public var readsOnlyRowOrderKeys: Bool { key == .standard || key == .status || key == .created || key == .type }

    /// Creates an order; the default is the standard order, not reversed.
    public init(key: SortKey = .standard, reversed: Bool = false) {
        self.key = key
        self.reversed = reversed
    }
}
