/// What putting a batch of refreshed jobs into the last snapshot's list changes, worked out on two threads with their
/// refresh (`Poller.refreshForPlacing`) so that the poller's actor has only to put each job in its place
/// (`PublishedJobs.replace(at:tallyChange:sent:ahead:_:)`): reading the version each replaces, comparing the two and
/// counting the change of the totals (the version replaced is no longer cached at 100,000 jobs) was most of the
/// actor's own share of a snapshot.
struct SnapshotPlacing: Sendable {
    /// What one block of the loop worked out (`JobTable.refreshAll`'s outcome); the blocks' are added up.
    struct Block: Sendable {
        /// The change of the totals: each job's share less that of the version it replaces.
        var tallyChange = AggregateTally()
        /// True when a job's content differs from the version it replaces (`Poller.sameContent`).
        var changed = false
        /// True when a job counted for the vouch carries one (`TrackedJob.freshUntil`).
        var vouched = false
    }

    /// For each slot given, in its order, the position its job takes in the snapshot's list; -1 where it takes none.
    var positions: [Int32]
    /// The blocks' outcomes added up.
    var total = Block()

    /// The placing of jobs at `positions`, with the blocks' outcomes added up.
    init(positions: [Int32], blocks: [Block]) {
        self.positions = positions
        for block in blocks {
            total.tallyChange.add(block.tallyChange)
            total.changed = total.changed || block.changed
            total.vouched = total.vouched || block.vouched
        }
    }
}
