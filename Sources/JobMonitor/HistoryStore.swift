import Foundation

/// Every job's `ProgressHistory`, kept once: the tracker writes them in place and snapshots read them under a lock.
///
/// Snapshots used to hold a copy of each running job's samples, so every append copied them and every running job
/// held its samples twice (100,000 running jobs: about 1.8 KB each after two minutes). A snapshot now holds a
/// `HistorySource` naming the job and the instants; the points are worked out from the one live history when read.
/// Histories only grow at the newest end, so a snapshot's instants read the same samples later, except those that
/// the retained span has dropped since (the oldest point of a snapshot one cycle old).
///
/// `@unchecked Sendable`: every access to `histories` holds `lock`.
final class HistoryStore: @unchecked Sendable {
    private let lock = NSLock()
    /// One box per job, so that the table's buckets stay small.
    private var histories: [String: HistoryBox]

    init(_ histories: [String: HistoryBox] = [:]) {
        self.histories = histories
    }

    /// A separate store with copies of every history.
    func copy() -> HistoryStore {
        HistoryStore(read { $0.mapValues { HistoryBox($0.history) } })
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

    /// Changes the job's history in place, or stores `body`'s result when there is none.
    func update(_ id: String, change: (inout ProgressHistory) -> Void, create: () -> ProgressHistory) {
        lock.lock()
        defer { lock.unlock() }
        if let box = histories[id] {
            change(&box.history)
        } else {
            histories[id] = HistoryBox(create())
        }
    }

    /// Forgets the given jobs.
    func remove<IDs: Sequence<String>>(_ ids: IDs) {
        lock.lock()
        defer { lock.unlock() }
        for id in ids { histories[id] = nil }
    }
}

/// One job's history behind a reference (only `HistoryStore` touches it, under its lock).
final class HistoryBox: @unchecked Sendable {
    /// The history.
    var history: ProgressHistory

    init(_ history: ProgressHistory) {
        self.history = history
    }
}
