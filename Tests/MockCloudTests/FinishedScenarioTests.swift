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
        let status = try await store.status(of: first[0].id)
        #expect(status.job == first[0])
    }
}
