import Foundation
import JobMonitor
import LlamaCloud
import Testing

@testable import Dashboard

/// A listing-only `BatchAPI` over jobs the test changes between polls.
private final class ListingAPI: BatchAPI {
    let jobs: Locked<[BatchJob]>

    init(_ jobs: [BatchJob]) { self.jobs = Locked(jobs) }

    func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        jobs.withLock { jobs in
            let matching = jobs.filter { job in query.status.map { $0 == job.status } ?? true }
            return JobListPage(items: Array(matching.dropFirst(query.offset).prefix(query.limit)), totalSize: matching.count)
        }
    }

    func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse { throw .notFound(detail: nil) }
    func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse {
        throw .notFound(detail: nil)
    }
    func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage {
        ItemsPage(items: [], totalSize: 0)
    }
}

@Suite("Rows kept in their order when a snapshot's order version says nothing they sort by changed")
struct RowOrderReuseTests {
    private static let statuses = ["running", "running", "running", "pending", "throttled", "completed", "failed"]

    private static func wire(_ index: Int, status: String, processed: Int) -> BatchJob {
        BatchJob(
            id: String(format: "bjb-%05d", index), jobType: ["parse", "extract", "classify"][index % 3], projectID: "p",
            status: status, totalItems: 1_000,
            processedItems: processed, createdAt: Date(timeIntervalSince1970: 1_795_900_000 + Double(index % 97) * 60))
    }

    @Test(
        "through a poller, every snapshot's rows equal a fresh sort and filter, and most snapshots keep the rows' order",
        arguments: [
            (SortKey.standard, ""), (.status, ""), (.created, ""), (.type, ""), (.progress, ""), (.type, "extr"),
            (.standard, "runn"), (.created, "bjb-0001"), (.status, "BJB-002"), (.progress, "pend"),
        ] as [(SortKey, String)])
    func reducedAgainstAFreshSort(key: SortKey, filter: String) async throws {
        // The same changes on every run (`SeededRandom`, the property tests' generator), different for each case.
        var random = SeededRandom(
            seed: 0x5EED_0000 &+ UInt64(SortKey.allCases.firstIndex(of: key) ?? 0) &+ UInt64(filter.utf8.count) << 8)
        var next = 300
        let api = ListingAPI((0..<300).map { Self.wire($0, status: "running", processed: 0) })
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 1, fullScanEvery: 1))
        var state = Fixtures.state()
        state.sort = SortOrder(key: key)
        state.filter = filter
        var kept = 0
        var shown = 0
        var announced = 0
        for cycle in 0..<60 {
            api.jobs.withLock { jobs in
                for index in jobs.indices { jobs[index].processedItems = (jobs[index].processedItems ?? 0) + 1 + cycle }
                // Now and then: a status, a new job, a job gone.
                switch random.int(in: 0...7) {
                case 0, 1:
                    let index = random.int(in: 0...(jobs.count - 1))
                    jobs[index].status = Self.statuses[random.int(in: 0...(Self.statuses.count - 1))]
                case 2:
                    jobs.insert(Self.wire(next, status: "pending", processed: 0), at: random.int(in: 0...(jobs.count - 1)))
                    next += 1
                case 3:
                    jobs.remove(at: random.int(in: 0...(jobs.count - 1)))
                default: break
                }
            }
            let before = state.snapshot.rowOrderVersion
            let previous = state.snapshot
            let snapshot = await poller.pollOnce()
            if snapshot.rowOrderVersion == before, before != nil { kept += 1 }
            // The jobs that finished, told by the versions and by a walk of both snapshots without them.
            var unversioned = (previous, snapshot)
            unversioned.0.rowOrderVersion = nil
            unversioned.1.rowOrderVersion = nil
            let walked = JobAlerts.finished(from: unversioned.0, to: unversioned.1)
            #expect(JobAlerts.finished(from: previous, to: snapshot) == walked, "cycle \(cycle)")
            announced += walked.count
            _ = Reducer.reduce(&state, .snapshot(snapshot))
            let fresh = RowOrder.arrange(snapshot.jobs, sort: state.sort, filter: filter)
            #expect(state.rows.positions == fresh.positions, "cycle \(cycle)")
            #expect(state.rows.jobs == snapshot.jobs)
            shown += state.rows.count
        }
        #expect(kept >= 20, "most cycles changed counts only: \(kept) kept the version")
        #expect(shown > 0, "the filter matched some rows")
        #expect(announced > 0, "some jobs finished")
    }

    @Test("the same version keeps the rows for the default sort, filtered or not, and not for a sort by progress")
    func reuseOnlyWhereItHolds() throws {
        // Two snapshots claiming the same version whose statuses differ: the order kept shows that it was reused.
        let first = Self.snapshot(statuses: [.running, .completed, .running], version: 7)
        let second = Self.snapshot(statuses: [.completed, .running, .running], version: 7)
        var state = Fixtures.state(snapshot: first)
        let order = state.rows.positions
        #expect(order == [0, 2, 1])
        _ = Reducer.reduce(&state, .snapshot(second))
        #expect(state.rows.positions == order, "the version was taken at its word")
        #expect(state.rows.jobs == second.jobs)
        #expect(JobAlerts.finished(from: first, to: second).isEmpty, "no job finished, by the version")
        var walked = second
        walked.rowOrderVersion = nil
        #expect(JobAlerts.finished(from: first, to: walked).map(\.id) == ["bjb-0"], "walked: bjb-0 finished")

        var unversioned = second
        unversioned.rowOrderVersion = nil
        state = Fixtures.state(snapshot: first)
        _ = Reducer.reduce(&state, .snapshot(unversioned))
        #expect(state.rows.positions == [1, 2, 0], "no version: sorted")

        var bumped = second
        bumped.rowOrderVersion = 8
        state = Fixtures.state(snapshot: first)
        _ = Reducer.reduce(&state, .snapshot(bumped))
        #expect(state.rows.positions == [1, 2, 0], "a new version: sorted")

        // Filtered, the rows (which jobs match, and their order) are kept as well: `running` matched bjb-0 and bjb-2.
        state = Fixtures.state(snapshot: first)
        state.filter = "running"
        Reducer.rearrange(&state)
        #expect(state.rows.positions == [0, 2])
        _ = Reducer.reduce(&state, .snapshot(second))
        #expect(state.rows.positions == [0, 2], "filtered: the version taken at its word too")
        state = Fixtures.state(snapshot: first)
        state.filter = "running"
        Reducer.rearrange(&state)
        _ = Reducer.reduce(&state, .snapshot(bumped))
        #expect(state.rows.positions == [1, 2], "filtered, a new version: matched and sorted again")

        state = Fixtures.state(snapshot: first)
        state.sort = SortOrder(key: .progress)
        _ = Reducer.reduce(&state, .snapshot(first))
        let progressOrder = state.rows.positions
        _ = Reducer.reduce(&state, .snapshot(Self.snapshot(statuses: [.running, .completed, .running], version: 7, processed: [9, 1, 5])))
        #expect(state.rows.positions != progressOrder, "a sort by progress reads the counts")
        #expect(state.rows.positions == [0, 2, 1])
    }

    /// Three jobs with the given statuses (created a minute apart, the first newest), claiming `version`.
    private static func snapshot(statuses: [JobStatus], version: Int, processed: [Int] = [1, 2, 3]) -> Snapshot {
        let jobs = statuses.enumerated().map { index, status in
            TrackedJob(
                job: Job(
                    id: "bjb-\(index)", type: .parse, status: status, totalItems: 10, processedItems: processed[index],
                    createdAt: Fixtures.ago(Double(index) * 60)),
                fetchedAt: Fixtures.ago(1))
        }
        var snapshot = Fixtures.snapshot(jobs)
        snapshot.rowOrderVersion = version
        return snapshot
    }
}
