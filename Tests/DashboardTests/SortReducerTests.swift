import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// `s` cycles the sort column, `S` reverses; rows are re-sorted in the reducer and the selection stays on its job.
@Suite struct SortReducerTests {

    /// The fixture jobs (created 600, 60, 300, 3600, 1800, 7200 s ago; progress 52, 0, 30, 100, 30, 100 %; failed
    /// 0, –, –, 7, –, 0) with throughput, ETA and update times on some of them.
    private static func jobs() -> [TrackedJob] {
        Fixtures.jobs.map { tracked in
            var tracked = tracked
            switch tracked.id {
            case Fixtures.ID.run:
                tracked.metrics = JobMetrics(throughput: 2.0, eta: 48)
                tracked.job.updatedAt = Fixtures.ago(10)
            case Fixtures.ID.thr:
                tracked.metrics = JobMetrics(throughput: 0.5, eta: 14)
                tracked.job.updatedAt = Fixtures.ago(1)
            case Fixtures.ID.fail:
                tracked.metrics = JobMetrics(throughput: 1.0)
                tracked.job.updatedAt = Fixtures.ago(500)
            case Fixtures.ID.canc:
                tracked.job.updatedAt = Fixtures.ago(900)
            case Fixtures.ID.done:
                tracked.metrics = JobMetrics(throughput: 4.0)
                tracked.job.updatedAt = Fixtures.ago(7000)
            default:
                break
            }
            return tracked
        }
    }

    private func state() -> AppState {
        Fixtures.state(snapshot: Fixtures.snapshot(Self.jobs()))
    }

    @Test func sCyclesTheSortColumnsInOrderAndReSortsTheRows() {
        var state = state()
        #expect(state.sort == SortOrder(key: .standard, reversed: false))
        #expect(state.rows.map(\.id) == [Fixtures.ID.run, Fixtures.ID.pend, Fixtures.ID.thr, Fixtures.ID.fail, Fixtures.ID.canc, Fixtures.ID.done])
        let cycle: [(SortKey, [String])] = [
            (.status, [Fixtures.ID.run, Fixtures.ID.pend, Fixtures.ID.thr, Fixtures.ID.fail, Fixtures.ID.canc, Fixtures.ID.done]),
            (.progress, [Fixtures.ID.fail, Fixtures.ID.done, Fixtures.ID.run, Fixtures.ID.thr, Fixtures.ID.canc, Fixtures.ID.pend]),
            (.throughput, [Fixtures.ID.done, Fixtures.ID.run, Fixtures.ID.fail, Fixtures.ID.thr, Fixtures.ID.pend, Fixtures.ID.canc]),
            (.eta, [Fixtures.ID.thr, Fixtures.ID.run, Fixtures.ID.pend, Fixtures.ID.canc, Fixtures.ID.fail, Fixtures.ID.done]),
            (.failed, [Fixtures.ID.fail, Fixtures.ID.pend, Fixtures.ID.thr, Fixtures.ID.run, Fixtures.ID.canc, Fixtures.ID.done]),
            (.created, [Fixtures.ID.pend, Fixtures.ID.thr, Fixtures.ID.run, Fixtures.ID.canc, Fixtures.ID.fail, Fixtures.ID.done]),
            (.updated, [Fixtures.ID.thr, Fixtures.ID.run, Fixtures.ID.fail, Fixtures.ID.canc, Fixtures.ID.done, Fixtures.ID.pend]),
            (.type, [Fixtures.ID.thr, Fixtures.ID.canc, Fixtures.ID.pend, Fixtures.ID.done, Fixtures.ID.run, Fixtures.ID.fail]),
            (.standard, [Fixtures.ID.run, Fixtures.ID.pend, Fixtures.ID.thr, Fixtures.ID.fail, Fixtures.ID.canc, Fixtures.ID.done]),
        ]
        for (key, rows) in cycle {
            #expect(Fixtures.press(.character("s"), on: &state) == [])
            #expect(state.sort == SortOrder(key: key, reversed: false))
            #expect(state.rows.map(\.id) == rows, "\(key)")
        }
    }

    @Test func theCycleCoversEverySortKey() {
        var key = SortKey.standard
        var seen: [SortKey] = []
        for _ in SortKey.allCases {
            key = key.next
            seen.append(key)
        }
        #expect(seen == [.status, .progress, .throughput, .eta, .failed, .created, .updated, .type, .standard])
    }

    /// Reversing flips the column's order; equal values stay newest first and unknown values stay last.
    @Test func capitalSReversesTheCurrentColumn() {
        var state = state()
        Fixtures.press(.character("s"), .character("s"), on: &state)
        #expect(Fixtures.press(.character("S"), on: &state) == [])
        #expect(state.sort == SortOrder(key: .progress, reversed: true))
        #expect(state.rows.map(\.id) == [Fixtures.ID.pend, Fixtures.ID.thr, Fixtures.ID.canc, Fixtures.ID.run, Fixtures.ID.fail, Fixtures.ID.done])
        Fixtures.press(.character("s"), on: &state)
        #expect(state.sort == SortOrder(key: .throughput, reversed: true))
        #expect(state.rows.map(\.id) == [Fixtures.ID.thr, Fixtures.ID.fail, Fixtures.ID.run, Fixtures.ID.done, Fixtures.ID.pend, Fixtures.ID.canc])
        Fixtures.press(.character("S"), on: &state)
        #expect(state.sort == SortOrder(key: .throughput, reversed: false))
        #expect(state.rows.map(\.id) == [Fixtures.ID.done, Fixtures.ID.run, Fixtures.ID.fail, Fixtures.ID.thr, Fixtures.ID.pend, Fixtures.ID.canc])
    }

    @Test func capitalSReversesTheDefaultOrder() {
        var state = state()
        Fixtures.press(.character("S"), on: &state)
        #expect(state.sort == SortOrder(key: .standard, reversed: true))
        #expect(state.rows.map(\.id) == [Fixtures.ID.canc, Fixtures.ID.done, Fixtures.ID.fail, Fixtures.ID.pend, Fixtures.ID.thr, Fixtures.ID.run])
    }

    @Test func theSelectionFollowsItsJobThroughAReSort() {
        var state = state()
        Fixtures.press(.down, .down, on: &state)
        #expect(state.selectedID == Fixtures.ID.thr)
        #expect(state.selectedIndex == 2)
        Fixtures.press(.character("s"), .character("s"), on: &state)
        #expect(state.selectedID == Fixtures.ID.thr)
        #expect(state.selectedIndex == 3)
        Fixtures.press(.character("S"), on: &state)
        #expect(state.selectedID == Fixtures.ID.thr)
        #expect(state.selectedIndex == 1)
    }

    /// A new snapshot is sorted by the chosen column, and the selection stays on its job although it moved.
    @Test func aNewSnapshotKeepsTheSortAndTheSelectedJob() {
        var state = state()
        Fixtures.press(.character("s"), .character("s"), on: &state)
        #expect(state.selectedID == Fixtures.ID.run)
        #expect(state.selectedIndex == 2)
        var jobs = Self.jobs()
        for index in jobs.indices where jobs[index].id == Fixtures.ID.run {
            jobs[index].job.processedItems = 200
            jobs[index].job.progressPercent = 100
            jobs[index].job.createdAt = Fixtures.ago(30)
        }
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(jobs)))
        #expect(state.sort == SortOrder(key: .progress, reversed: false))
        #expect(state.rows.map(\.id) == [Fixtures.ID.run, Fixtures.ID.fail, Fixtures.ID.done, Fixtures.ID.thr, Fixtures.ID.canc, Fixtures.ID.pend])
        #expect(state.selectedID == Fixtures.ID.run)
        #expect(state.selectedIndex == 0)
    }
}
