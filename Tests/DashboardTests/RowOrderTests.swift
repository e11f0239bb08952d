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

    /// By progress, the key is the percentage as shown: one over 100 ties with 100, one below 0 or not a number
    /// with 0 (ties newest first).
    @Test func progressSortsByTheShownPercentage() {
        func running(_ id: String, percent: Double, createdAgo: TimeInterval) -> TrackedJob {
            TrackedJob(
                job: Job(
                    id: id, type: .parse, status: .running, totalItems: 10, processedItems: 1, progressPercent: percent,
                    createdAt: Fixtures.ago(createdAgo)),
                fetchedAt: Fixtures.now)
        }
        let jobs = JobList([
            running("over", percent: 150, createdAgo: 10), running("full", percent: 100, createdAgo: 5),
            running("half", percent: 50, createdAgo: 1), running("nan", percent: .nan, createdAgo: 3),
            running("below", percent: -5, createdAgo: 8),
        ])
        let rows = RowOrder.arrange(jobs, sort: SortOrder(key: .progress), filter: "")
        #expect(rows.map(\.id) == ["full", "over", "half", "nan", "below"])
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

    /// A column sort (here the update time, missing for some jobs) against a plain reference: jobs with the key first,
    /// by the key (descending when reversed), newest created first, then input order; jobs without it last, by
    /// creation and input order. Many ties and missing values, both directions, three seeds.
    @Test(arguments: [UInt64(1), 2, 3])
    func aColumnSortMatchesAReferenceOrder(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let jobs = (0..<400).map { index -> TrackedJob in
            var job = Job(
                id: "job-\(index)", type: .parse, status: .running, totalItems: 1,
                createdAt: next(5) == 0 ? nil : Fixtures.ago(TimeInterval(next(20))))
            job.updatedAt = next(4) == 0 ? nil : Fixtures.ago(TimeInterval(next(30)))
            return TrackedJob(job: job, fetchedAt: Fixtures.now)
        }
        for reversed in [false, true] {
            let expected = jobs.indices.sorted { lhs, rhs in
                let left = jobs[lhs].job, right = jobs[rhs].job
                switch (left.updatedAt, right.updatedAt) {
                case (nil, _?): return false
                case (_?, nil): return true
                case (let l?, let r?) where l != r: return reversed ? l < r : l > r
                default: break
                }
                let leftCreated = left.createdAt ?? .distantPast, rightCreated = right.createdAt ?? .distantPast
                if leftCreated != rightCreated { return leftCreated > rightCreated }
                return lhs < rhs
            }.map { jobs[$0].id }
            let rows = RowOrder.arrange(JobList(jobs), sort: SortOrder(key: .updated, reversed: reversed), filter: "")
            #expect(rows.map(\.id) == expected, "reversed: \(reversed)")
        }
    }

    /// A server's NaN is no time to order by: a job whose update time is NaN sorts with the jobs that have none, and
    /// a NaN creation time as none (the sort needs every key ordered against every other).
    @Test func nanTimesSortAsMissing() {
        let nan = Date(timeIntervalSinceReferenceDate: .nan)
        let specs: [(id: String, updated: Date?, created: Date?)] = [
            ("nan-updated", nan, Fixtures.ago(1)), ("none", nil, Fixtures.ago(2)), ("old", Fixtures.ago(50), nil),
            ("new", Fixtures.ago(5), nan), ("mid", Fixtures.ago(20), Fixtures.ago(3)),
        ]
        let jobs = (0..<30).flatMap { round in
            specs.map { spec -> TrackedJob in
                var job = Job(id: "\(spec.id)-\(round)", type: .parse, status: .running, totalItems: 1, createdAt: spec.created)
                job.updatedAt = spec.updated
                return TrackedJob(job: job, fetchedAt: Fixtures.now)
            }
        }
        let rows = RowOrder.arrange(JobList(jobs), sort: SortOrder(key: .updated), filter: "").map(\.id)
        let groups = rows.map { String($0.split(separator: "-")[0]) }
        let order = ["new", "mid", "old", "nan", "none"]
        #expect(groups == order.flatMap { group in Array(repeating: group, count: 30) }, "\(rows.prefix(12))")
        // Within a group, input order (equal keys, equal creation times).
        #expect(rows.filter { $0.hasPrefix("new-") } == (0..<30).map { "new-\($0)" })
        // The type column (one type here) orders by creation alone: a NaN creation time is none, so "new" and "old"
        // tie after the dated jobs and keep their input order.
        let byType = RowOrder.arrange(JobList(jobs), sort: SortOrder(key: .type), filter: "").map(\.id)
        let dated = ["nan-updated", "none", "mid"].flatMap { group in (0..<30).map { "\(group)-\($0)" } }
        #expect(byType == dated + (0..<30).flatMap { ["old-\($0)", "new-\($0)"] }, "\(byType.suffix(6))")
    }

    @Test func reducerStoresRowsInThisOrder() {
        let state = Fixtures.state()
        #expect(state.rows.map(\.id) == RowOrder.sorted(Fixtures.jobs).map(\.id))
        #expect(state.selectedID == "bjb-run-000123456")
    }
}
