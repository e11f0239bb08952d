import Foundation
import LlamaCloud
import Testing

@testable import MockCloud

@Suite("Finished scenario")
struct FinishedScenarioTests {
    @Test("finished:N serves N distinct completed jobs whose answers never change as time passes")
    func finishedJobsNeverChange() async throws {
        let clock = TestClock()
        let store = MockStore(scenario: .finished(jobs: 30, now: clock.now()), now: { clock.now() })
        let first = await allJobs(store)
        #expect(first.count == 30)
        #expect(Set(first.map(\.id)).count == 30)
        for job in first {
            #expect(job.status == "completed")
            #expect(job.processedItems == job.totalItems)
            #expect(job.completedAt != nil)
        }
        #expect(await allJobs(store, JobListQuery(status: "running")).isEmpty)
        clock.advance(by: 3600)
        #expect(await allJobs(store) == first)
        let status = try store.status(of: first[0].id)
        #expect(status.job == first[0])
    }

    @Test("a fixed scenario's pages, filtered or not, are the matching jobs sliced by offset and limit")
    func fixedPages() async {
        let clock = TestClock()
        let store = MockStore(scenario: .finished(jobs: 25, now: clock.now()), now: { clock.now() })
        let all = store.listJobs(JobListQuery(limit: 1_000)).items
        #expect(all.count == 25)
        let type = all[1].jobType
        for filter in [JobListQuery(), JobListQuery(jobType: type), JobListQuery(status: "running")] {
            let matching = all.filter { job in
                filter.status == nil && (filter.jobType.map { job.jobType == $0 } ?? true)
            }
            for (offset, limit) in [(0, 10), (10, 10), (20, 10), (24, 1), (25, 10), (40, 10), (3, 0)] {
                var query = filter
                query.offset = offset
                query.limit = limit
                let page = store.listJobs(query)
                #expect(page.totalSize == matching.count, "\(filter) at \(offset)")
                #expect(page.items == Array(matching.dropFirst(offset).prefix(limit)), "\(filter) at \(offset)+\(limit)")
            }
        }
    }
}
