import Foundation
import LlamaCloud
import Testing

@testable import MockCloud

/// The status-filtered listings of a large scenario come from an index of the jobs by status built once a second
/// (`StatusIndex`): they must list exactly the jobs of that status at the index's moment, for a second, and no longer.
@Suite("StatusIndex: filtered listings of large scenarios")
struct StatusIndexTests {
    /// A churn project of ~12,000 jobs: over `StatusIndex.minimumPlans` plans, moving every second.
    private static func store(_ clock: TestClock) -> MockStore {
        MockStore(scenario: .churn(jobs: 12_000), now: { clock.now() })
    }

    /// The IDs of the jobs of `status` as the simulation has them `seconds` after the store's start.
    private static func expected(_ store: MockStore, _ status: String, at seconds: TimeInterval) -> [String] {
        guard case .simulated(let data) = store.data else { return [] }
        return data.snapshots(at: seconds).filter { $0.status == status }.map(\.plan.id)
    }

    /// Every page of `query`, the clock moved by `step` seconds before each.
    private static func pages(
        _ store: MockStore, _ clock: TestClock, _ query: JobListQuery, step: TimeInterval
    ) -> (jobs: [BatchJob], totals: Set<Int>) {
        var jobs: [BatchJob] = []
        var totals: Set<Int> = []
        var query = query
        while true {
            query.offset = jobs.count
            let page = store.listJobs(query)
            jobs += page.items
            totals.insert(page.totalSize)
            if page.items.isEmpty || jobs.count >= page.totalSize { return (jobs, totals) }
            clock.advance(by: step)
        }
    }

    @Test("pages asked for within a second list exactly the jobs of the status at the first page's moment")
    func pagesWithinASecond() throws {
        let clock = TestClock()
        let store = Self.store(clock)
        guard case .simulated(let data) = store.data else { throw CancellationError() }
        #expect(data.plans.count >= StatusIndex.minimumPlans)
        for status in ["running", "pending", "completed"] {
            let start = store.elapsed()
            let expected = Self.expected(store, status, at: start)
            #expect(expected.count > 100, "\(status): \(expected.count) jobs")
            // 100 per page, the clock moving a little per page: the listing still shows the first page's moment.
            let pageCount = (expected.count + 99) / 100
            let listed = Self.pages(store, clock, JobListQuery(limit: 100, status: status), step: 0.9 / Double(pageCount))
            #expect(listed.jobs.map(\.id) == expected, "\(status)")
            #expect(listed.jobs.allSatisfy { $0.status == status })
            #expect(listed.totals == [expected.count])
            clock.advance(by: 2)
        }
    }

    @Test("a listing after the second, or after a cancel, sees the jobs as they are then")
    func rebuiltAfterTheWindowOrACancel() throws {
        let clock = TestClock()
        let store = Self.store(clock)
        let first = Self.pages(store, clock, JobListQuery(limit: 100, status: "running"), step: 0).jobs.map(\.id)
        #expect(first == Self.expected(store, "running", at: store.elapsed()))
        clock.advance(by: 1.5)
        let later = Self.pages(store, clock, JobListQuery(limit: 100, status: "running"), step: 0).jobs.map(\.id)
        #expect(later == Self.expected(store, "running", at: store.elapsed()))
        #expect(later != first, "12,000 churning jobs did not change in 1.5 s")
        // A cancel shows at once, within the second.
        let victim = try #require(later.first)
        _ = try store.cancel(victim)
        clock.advance(by: 0.1)
        let cancelled = Self.pages(store, clock, JobListQuery(limit: 100, status: "cancelled"), step: 0).jobs
        #expect(cancelled.contains { $0.id == victim })
        let running = Self.pages(store, clock, JobListQuery(limit: 100, status: "running"), step: 0).jobs
        #expect(!running.contains { $0.id == victim })
    }

    @Test("type and directory filters apply on top of the status, with totals to match")
    func otherFilters() throws {
        let clock = TestClock()
        let store = Self.store(clock)
        guard case .simulated(let data) = store.data else { throw CancellationError() }
        let time = store.elapsed()
        let running = data.snapshots(at: time).filter { $0.status == "running" }
        let parse = running.filter { $0.plan.jobType == "parse" }.map(\.plan.id)
        let listed = Self.pages(store, clock, JobListQuery(limit: 100, status: "running", jobType: "parse"), step: 0)
        #expect(listed.jobs.map(\.id) == parse && listed.totals == [parse.count])
        let directory = try #require(running.first?.plan.directoryID)
        let inDirectory = running.filter { $0.plan.directoryID == directory }.map(\.plan.id)
        let byDirectory = Self.pages(
            store, clock, JobListQuery(limit: 100, status: "running", directoryID: directory), step: 0)
        #expect(byDirectory.jobs.map(\.id) == inDirectory && byDirectory.totals == [inDirectory.count])
    }
}
