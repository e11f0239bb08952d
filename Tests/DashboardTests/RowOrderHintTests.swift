import Foundation
import JobMonitor
import Testing

@testable import Dashboard

/// The two shortcuts that take the rows' last order as a hint: the sort's keys put where their rows were
/// (`RowOrder.arrange(…, lastOrder:)`), and the selection looked for around its last row (`JobRows.row(ofID:near:)`).
/// Each must give exactly what it gives without the hint, whatever the hint holds.
@Suite("Rows: the last order as a hint")
struct RowOrderHintTests {
    /// Jobs with many ties in every column (statuses, progress, failures, creation and update times), some
    /// without a creation time.
    private func jobs(_ count: Int, seed: UInt64) -> [TrackedJob] {
        var generator = SeededRandom(seed: seed)
        let statuses: [JobStatus] = [.running, .running, .pending, .completed, .failed, .cancelled, .other("paused")]
        return (0..<count).map { index in
            let total = 1 + Int(generator.next() % 50)
            var job = Job(
                id: "job-\(index)", type: .parse, status: statuses[Int(generator.next() % 7)], totalItems: total,
                processedItems: Int(generator.next() % UInt64(total + 1)), failedItems: Int(generator.next() % 3),
                createdAt: generator.next() % 6 == 0 ? nil : Fixtures.ago(TimeInterval(generator.next() % 40)))
            job.updatedAt = Fixtures.ago(TimeInterval(generator.next() % 30))
            return TrackedJob(job: job, fetchedAt: Fixtures.now)
        }
    }

    @Test(
        "keys put where their rows were give the rows an unhinted sort gives, for every column, direction and hint",
        arguments: [UInt64(7), 8])
    func hintedSortEqualsUnhinted(seed: UInt64) {
        let list = JobList(jobs(700, seed: seed))
        var generator = SeededRandom(seed: seed)
        let shuffled = list.indices.map { Int32($0) }.shuffled(using: &generator)
        for key in SortKey.allCases {
            for reversed in [false, true] {
                let sort = SortOrder(key: key, reversed: reversed)
                let plain = RowOrder.arrange(list, sort: sort, filter: "")
                let hints: [[Int32]] = [
                    plain.positions,  // the order it had (a snapshot that kept it)
                    Array(plain.positions.reversed()),
                    shuffled,
                    Array(shuffled.dropLast()),  // one short: not every position
                    Array(shuffled.dropLast()) + [shuffled[0]],  // a position twice
                    shuffled.map { $0 == 5 ? 700 : $0 },  // a position out of range
                    [],
                ]
                for (index, hint) in hints.enumerated() {
                    let hinted = RowOrder.arrange(list, sort: sort, filter: "", lastOrder: hint)
                    #expect(hinted.positions == plain.positions, "\(key) reversed: \(reversed), hint \(index)")
                }
                // Filtered, the hint is not used (it would not hold the same positions), and changes nothing.
                let filtered = RowOrder.arrange(list, sort: sort, filter: "pending")
                #expect(RowOrder.arrange(list, sort: sort, filter: "pending", lastOrder: shuffled) == filtered)
            }
        }
    }

    @Test("the places of a last order are its inverse, and none unless it holds every position once")
    func placesAreTheInverse() {
        let order: [Int32] = [3, 0, 4, 1, 2]
        #expect(RowOrder.places(of: order, count: 5) == [1, 3, 4, 0, 2])
        #expect(RowOrder.places(of: order, count: 6) == nil)
        #expect(RowOrder.places(of: [0, 1, 1], count: 3) == nil)
        #expect(RowOrder.places(of: [0, -1, 2], count: 3) == nil)
        #expect(RowOrder.places(of: [0, 1, 3], count: 3) == nil)
        #expect(RowOrder.places(of: [], count: 0) == [])
    }

    @Test("the row of a job looked for around a hint is the row a plain look finds, for any hint, filtered or not")
    func rowNearAHintEqualsAPlainLook() {
        let list = JobList(jobs(300, seed: 11))
        for filter in ["", "running"] {
            let rows = RowOrder.arrange(list, sort: SortOrder(key: .progress), filter: filter)
            let ids = (0..<310).map { "job-\($0)" }  // ten that no job has
            for id in ids {
                let plain = rows.indices.first { rows.id(at: $0) == id }
                for hint in [-5, 0, 1, 40, 150, 299, 1_000] {
                    #expect(rows.row(ofID: id, near: hint) == plain, "\(id) near \(hint), filter '\(filter)'")
                }
            }
        }
        #expect(JobRows().row(ofID: "job-1", near: 3) == nil)
    }

    @Test("the selection follows its job through snapshots that move it far and near, and keys that move it")
    func selectionFollowsItsJob() {
        var jobs = jobs(500, seed: 3)
        var state = Fixtures.state(snapshot: Fixtures.snapshot(jobs))
        state.sort = SortOrder(key: .progress)
        Reducer.rearrange(&state)
        TableNavigation.select(&state, index: 250)
        let chosen = state.rows.id(at: 250)
        // Its progress changes, so its row moves a little, then a lot.
        for processed in [0, 1, 49, 2] {
            guard let index = jobs.firstIndex(where: { $0.id == chosen }) else { return }
            var job = jobs[index].job
            job.totalItems = 50
            job.processedItems = processed
            jobs[index].job = job
            _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(jobs)))
            #expect(state.selectedID == chosen)
            #expect(state.selectedIndex.map { state.rows.id(at: $0) } == chosen)
        }
        TableNavigation.move(&state, by: 7)
        let moved = state.selectedIndex
        #expect(moved.map { state.rows.id(at: $0) } == state.selectedID)
    }
}
