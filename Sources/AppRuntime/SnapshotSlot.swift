import JobMonitor
import LlamaCloud

/// Holds the newest snapshot not yet taken by the run loop, so a burst of snapshots costs one reduce and the event
/// stream never holds more than one snapshot's worth of jobs. (`Locked`, not `Mutex`: ThreadSanitizer sees it.)
final class SnapshotSlot: Sendable {
    private let newest = Locked<Snapshot?>(nil)

    /// Stores `snapshot` over any untaken one; true when the slot was empty (the loop must be told).
    func put(_ snapshot: Snapshot) -> Bool {
        newest.withLock { slot in
            let wasEmpty = slot == nil
            slot = snapshot
            return wasEmpty
        }
    }

    /// Takes the newest snapshot, leaving the slot empty.
    func take() -> Snapshot? {
        newest.withLock { slot in
            defer { slot = nil }
            return slot
        }
    }
}
