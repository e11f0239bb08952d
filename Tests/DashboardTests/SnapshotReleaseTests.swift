import Foundation
import Testing
import TerminalUI

@testable import Dashboard
@testable import JobMonitor

/// At 100,000 running jobs that all changed, the snapshot on screen and the next one are two versions of every job
/// (~19 MB each): the last one must be gone before the new one is sorted, or it is alive beside the sort's buffers.
@Suite("A new snapshot lets go of the last one before sorting")
struct SnapshotReleaseTests {
    func running(processed: Int) -> TrackedJob {
        TrackedJob(
            job: Job(
                id: Fixtures.ID.run, type: .parse, status: .running, totalItems: 200, processedItems: processed,
                createdAt: Fixtures.ago(600)),
            fetchedAt: Fixtures.ago(1))
    }

    @Test("adopting a snapshot leaves nothing in the state holding the last one's jobs, and the selection stays")
    func adoptReleasesTheLastSnapshot() {
        weak var lastStorage: TrackedJobStorage?
        var state = AppState(
            size: TerminalSize(width: 120, height: 12), now: Fixtures.now, interval: Fixtures.interval,
            source: "demo", glyphs: .unicode)
        do {
            let last = running(processed: 104)
            lastStorage = last.storage
            _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(Fixtures.jobs.filter { $0.id != last.id } + [last])))
        }
        state.selectedID = Fixtures.ID.run
        #expect(lastStorage != nil, "the snapshot on screen holds its jobs")
        let selected = state.selectedIndex
        let next = Fixtures.snapshot(Fixtures.jobs.filter { $0.id != Fixtures.ID.run } + [running(processed: 150)])
        #expect(Reducer.adopt(next, into: &state) == selected)
        #expect(lastStorage == nil, "the last snapshot's jobs are still held (by the rows sorted from them)")
        Reducer.rearrange(&state, previousIndex: selected)
        #expect(state.selectedID == Fixtures.ID.run)
        #expect(state.selectedJob?.job.processedItems == 150)
        #expect(state.rows.count == Fixtures.jobs.count)
    }

    @Test("through a full reduce the rows keep their order, and a selected job that leaves gives way to the row in its place")
    func reduceKeepsRowsAndSelection() {
        var state = Fixtures.state()
        state.selectedID = Fixtures.ID.fail
        let before = state.rows.map(\.id)
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot()))
        #expect(state.rows.map(\.id) == before)
        #expect(state.selectedID == Fixtures.ID.fail)
        // The selected job leaves: the row that took its place is selected, as htop does.
        let index = state.selectedIndex
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(Fixtures.jobs.filter { $0.id != Fixtures.ID.fail })))
        #expect(state.selectedIndex == index)
        #expect(state.selectedID != Fixtures.ID.fail && state.selectedID != nil)
    }
}
