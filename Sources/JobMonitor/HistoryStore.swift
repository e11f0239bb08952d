import FoundationEssentials
import LlamaCloud

/// Every job's `ProgressHistory` by ID, kept once: the tracker writes them in place and snapshots read them under a
/// lock. (The poller does not use it: it keeps each job's box in the job's table slot, `MetricsTracker.record(job:
/// at:owned:)`, so that 100,000 jobs need no second table by ID.)
///
/// Snapshots used to hold a copy of each running job's samples, so every append copied them and every running job
/// held its samples twice (100,000 running jobs: about 1.8 KB each after two minutes). A snapshot now holds a
/// `HistorySource` naming the job and the instants; the points are worked out from the one live history when read.
/// Histories only grow at the newest end, so a snapshot's instants read the same samples later, except those that
/// the retained span has dropped since (the oldest point of a snapshot one cycle old).
///
/// `@unchecked Sendable`: every access to `histories` holds `lock`.
final class HistoryStore: @unchecked Sendable {
    /// This store's lock, which its boxes carry: a box cached elsewhere is this store's only if it carries this very
    /// lock (compared by identity; a box holds its lock, so no other store's lock can take its address).
    private let lock = HistoryLock()
    /// One box per job, so that the table's buckets stay small.
    private var histories: [String: HistoryBox]

    init() {
        histories = [:]
    }

    /// A separate store with copies of every history.
    func copy() -> HistoryStore {
        let copy = HistoryStore()
        let lock = copy.lock
        copy.histories = read { $0.mapValues { HistoryBox($0.history, lock: lock) } }
        return copy
    }

    /// The box of the job's history, if there is one (to cache: see `owns`).
    func box(_ id: String) -> HistoryBox? {
        read { $0[id] }
    }

    /// True when `box` belongs to this store (a cached box of a store since copied does not).
    func owns(_ box: HistoryBox) -> Bool { box.lock === lock }

    /// Runs `body` on the history in `box`, one of this store's (under the lock).
    func read<Result>(_ box: HistoryBox, _ body: (ProgressHistory) -> Result) -> Result {
        box.read(body)
    }

    /// Changes the history in `box`, one of this store's, in place.
    func update(_ box: HistoryBox, change: (inout ProgressHistory) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&box.history)
    }

    /// Runs `body` on the job's history, if there is one (under the lock).
    func read<Result>(_ id: String, _ body: (ProgressHistory) -> Result) -> Result? {
        read { histories in histories[id].map { body($0.history) } }
    }

    /// Runs `body` on the table of histories (under the lock).
    func read<Result>(_ body: ([String: HistoryBox]) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(histories)
    }

    /// Changes the job's history in place, or stores `create`'s result when there is none (nil: none is started);
    /// returns its box.
    @discardableResult
    func update(_ id: String, change: (inout ProgressHistory) -> Void, create: () -> ProgressHistory?) -> HistoryBox? {
        lock.lock()
        defer { lock.unlock() }
        if let box = histories[id] {
            change(&box.history)
            return box
        }
        guard let history = create() else { return nil }
        let box = HistoryBox(history, lock: lock)
        histories[id] = box
        return box
    }

    /// Forgets the given jobs.
    func remove<IDs: Sequence<String>>(_ ids: IDs) {
        lock.lock()
        defer { lock.unlock() }
        for id in ids { histories[id] = nil }
    }
}

/// One job's history behind a reference (changed only by `HistoryStore`, under its lock; read by anyone under it).
///
/// `@unchecked Sendable`: every access to `history` holds the lock of the store the box belongs to.
///
/// 104 bytes with its object header, a 112-byte allocation, one per job (`StorageLayoutTests`): it was 136 (144)
/// with the sample log's oldest sample decoded beside its newest, and 168 (176) with the store's serial number beside
/// its lock (a store is now told by its lock alone), the status inline and the sample log's counts in 8 bytes.
final class HistoryBox: @unchecked Sendable {
    /// The history.
    ///
    /// `@exclusivity(unchecked)`, like `TrackedJobStorage.fields`: every access is made under the store's lock,
    /// which is not recursive, so two overlapping accesses would deadlock before they could overlap; the dynamic
    /// check cost ~60 instructions per access, twice per job a cycle.
    @exclusivity(unchecked) var history: ProgressHistory
    /// The lock of the store it belongs to (which also tells which store that is: see `HistoryStore.owns`).
    let lock: HistoryLock

    init(_ history: ProgressHistory, lock: HistoryLock) {
        self.history = history
        self.lock = lock
    }

    /// Runs `body` on the history, under the store's lock.
    func read<Result>(_ body: (borrowing ProgressHistory) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(history)
    }

    /// What a job's metrics read of its history, under the store's lock: field by field, where `read` passed the
    /// closure a copy of the whole history (its records retained and released), ~100 instructions per job a snapshot.
    func facts() -> Facts {
        lock.lock()
        defer { lock.unlock() }
        return Facts(
            lastObservedAt: history.lastObservedAt, lastSampleAt: history.lastSampleAt,
            lastMovedAt: history.lastMovedAt, rate: history.cachedRate)
    }

    /// `facts()` without the lock, for the one caller that writes the history (see `MetricsTracker.metrics`,
    /// `byRecorder`): its reads cannot overlap its own writes, and other threads only read.
    func factsForRecorder() -> Facts {
        Facts(
            lastObservedAt: history.lastObservedAt, lastSampleAt: history.lastSampleAt,
            lastMovedAt: history.lastMovedAt, rate: history.cachedRate)
    }

    /// The times and rate of a history that `MetricsTracker.metrics` reads (see `ProgressHistory`).
    struct Facts {
        let lastObservedAt: Date
        let lastSampleAt: Date
        let lastMovedAt: Date
        let rate: Double?
    }
}
