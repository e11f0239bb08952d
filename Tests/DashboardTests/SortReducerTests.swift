import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// `s` cycles the sort column, `S` reverses; rows are re-sorted in the reducer and the selection stays on its job.
@Suite struct SortReducerTests {
    private static let run = "bjb-run-000123456"
    private static let pend = "bjb-pend-002"
    private static let thr = "bjb-thr-0003"
    private static let fail = "bjb-fail-004"
    private static let canc = "bjb-canc-006"
    private static let done = "bjb-done-005"

    /// The fixture jobs (created 600, 60, 300, 3600, 1800, 7200 s ago; progress 52, 0, 30, 100, 30, 100 %; failed
    /// 0, –, –, 7, –, 0) with throughput, ETA and update times on some of them.
    private static func jobs() -> [TrackedJob] {
        Fixtures.jobs.map { tracked in
            var tracked = tracked
            switch tracked.id {
            case run:
                tracked.metrics = JobMetrics(throughput: 2.0, eta: 48)
                tracked.job.updatedAt = Fixtures.ago(10)
            case thr:
                tracked.metrics = JobMetrics(throughput: 0.5, eta: 14)
                tracked.job.updatedAt = Fixtures.ago(1)
            case fail:
                tracked.metrics = JobMetrics(throughput: 1.0)
                tracked.job.updatedAt = Fixtures.ago(500)
            case canc:
                tracked.job.updatedAt = Fixtures.ago(900)
            case done:
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
        #expect(state.rows.map(\.id) == [Self.run, Self.pend, Self.thr, Self.fail, Self.canc, Self.done])
        let cycle: [(SortKey, [String])] = [
            (.status, [Self.run, Self.pend, Self.thr, Self.fail, Self.canc, Self.done]),
            (.progress, [Self.fail, Self.done, Self.run, Self.thr, Self.canc, Self.pend]),
            (.throughput, [Self.done, Self.run, Self.fail, Self.thr, Self.pend, Self.canc]),
            (.eta, [Self.thr, Self.run, Self.pend, Self.canc, Self.fail, Self.done]),
            (.failed, [Self.fail, Self.pend, Self.thr, Self.run, Self.canc, Self.done]),
            (.created, [Self.pend, Self.thr, Self.run, Self.canc, Self.fail, Self.done]),
            (.updated, [Self.thr, Self.run, Self.fail, Self.canc, Self.done, Self.pend]),
            (.type, [Self.thr, Self.canc, Self.pend, Self.done, Self.run, Self.fail]),
            (.standard, [Self.run, Self.pend, Self.thr, Self.fail, Self.canc, Self.done]),
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
        #expect(state.rows.map(\.id) == [Self.pend, Self.thr, Self.canc, Self.run, Self.fail, Self.done])
        Fixtures.press(.character("s"), on: &state)
        #expect(state.sort == SortOrder(key: .throughput, reversed: true))
        #expect(state.rows.map(\.id) == [Self.thr, Self.fail, Self.run, Self.done, Self.pend, Self.canc])
        Fixtures.press(.character("S"), on: &state)
        #expect(state.sort == SortOrder(key: .throughput, reversed: false))
        #expect(state.rows.map(\.id) == [Self.done, Self.run, Self.fail, Self.thr, Self.pend, Self.canc])
    }

    @Test func capitalSReversesTheDefaultOrder() {
        var state = state()
        Fixtures.press(.character("S"), on: &state)
        #expect(state.sort == SortOrder(key: .standard, reversed: true))
        #expect(state.rows.map(\.id) == [Self.canc, Self.done, Self.fail, Self.pend, Self.thr, Self.run])
    }

    @Test func theSelectionFollowsItsJobThroughAReSort() {
        var state = state()
        Fixtures.press(.down, .down, on: &state)
        #expect(state.selectedID == Self.thr)
        #expect(state.selectedIndex == 2)
        Fixtures.press(.character("s"), .character("s"), on: &state)
        #expect(state.selectedID == Self.thr)
        #expect(state.selectedIndex == 3)
        Fixtures.press(.character("S"), on: &state)
        #expect(state.selectedID == Self.thr)
        #expect(state.selectedIndex == 1)
    }

    /// A new snapshot is sorted by the chosen column, and the selection stays on its job although it moved.
    @Test func aNewSnapshotKeepsTheSortAndTheSelectedJob() {
        var state = state()
        Fixtures.press(.character("s"), .character("s"), on: &state)
        #expect(state.selectedID == Self.run)
        #expect(state.selectedIndex == 2)
        var jobs = Self.jobs()
        for index in jobs.indices where jobs[index].id == Self.run {
            jobs[index].job.processedItems = 200
            jobs[index].job.progressPercent = 100
            jobs[index].job.createdAt = Fixtures.ago(30)
        }
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(jobs)))
        #expect(state.sort == SortOrder(key: .progress, reversed: false))
        #expect(state.rows.map(\.id) == [Self.run, Self.fail, Self.done, Self.thr, Self.canc, Self.pend])
        #expect(state.selectedID == Self.run)
        #expect(state.selectedIndex == 0)
    }
}
