import Dashboard
import Foundation
import JobMonitor
import Testing

@Suite struct RowOrderTests {
    private func job(_ id: String, _ status: JobStatus, createdAgo: TimeInterval?) -> TrackedJob {
        TrackedJob(
            job: Job(id: id, type: .parse, status: status, totalItems: 1, createdAt: createdAgo.map(Fixtures.ago)),
            fetchedAt: Fixtures.now)
    }

    @Test func fixtureRowsAreInDisplayOrder() {
        #expect(
            RowOrder.sorted(Fixtures.jobs).map(\.id) == [
                "bjb-run-000123456", "bjb-pend-002", "bjb-thr-0003", "bjb-fail-004", "bjb-canc-006", "bjb-done-005",
            ])
    }

    @Test func runningThenPendingAndUnknownThenFailedThenFinishedNewestFirst() {
        let jobs = [
            job("completed-old", .completed, createdAgo: 900),
            job("failed-old", .failed, createdAgo: 800),
            job("pending-old", .pending, createdAgo: 700),
            job("running-old", .running, createdAgo: 600),
            job("cancelled-new", .cancelled, createdAgo: 50),
            job("failed-new", .failed, createdAgo: 40),
            job("unknown-mid", .other("throttled"), createdAgo: 300),
            job("dispatched-mid", .dispatched, createdAgo: 20),
            job("running-new", .running, createdAgo: 10),
            job("pending-new", .pending, createdAgo: 5),
        ]
        #expect(
            RowOrder.sorted(jobs).map(\.id) == [
                "running-new", "dispatched-mid", "running-old",
                "pending-new", "unknown-mid", "pending-old",
                "failed-new", "failed-old",
                "cancelled-new", "completed-old",
            ])
    }

    @Test func missingCreationDateSortsLastAndTiesKeepInputOrder() {
        let jobs = [
            job("undated-a", .running, createdAgo: nil),
            job("same-b", .running, createdAgo: 100),
            job("undated-c", .running, createdAgo: nil),
            job("same-d", .running, createdAgo: 100),
            job("dated", .running, createdAgo: 1),
        ]
        #expect(RowOrder.sorted(jobs).map(\.id) == ["dated", "same-b", "same-d", "undated-a", "undated-c"])
    }

    @Test func reducerStoresRowsInThisOrder() {
        let state = Fixtures.state()
        #expect(state.rows.map(\.id) == RowOrder.sorted(Fixtures.jobs).map(\.id))
        #expect(state.selectedID == "bjb-run-000123456")
    }
}
