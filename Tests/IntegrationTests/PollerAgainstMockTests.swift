import Foundation
import JobMonitor
import LlamaCloud
import MockCloud
import Testing

@Suite("Poller against the mock server")
struct PollerAgainstMockTests {
    @Test("discovery finds the demo's jobs of every type and status group")
    func discoversDemo() async throws {
        try await withMockServer { _, client in
            let poller = Poller(api: client, configuration: PollerConfiguration(interval: 1))
            let snapshot = await poller.pollOnce()
            #expect(snapshot.health.state == .ok)
            #expect(snapshot.jobs.count >= 20)
            let types = Set(snapshot.jobs.map { $0.job.type })
            #expect(types == [.parse, .extract, .classify])
            let statuses = Set(snapshot.jobs.map { $0.job.status })
            #expect(statuses.contains(.running))
            #expect(statuses.contains(.completed))
            #expect(statuses.contains(.failed))
            #expect(statuses.contains(.cancelled))
        }
    }

    @Test("explicit IDs are polled through the status call, with the server's progress")
    func watchList() async throws {
        let jobs = fixedJobs(3)
        try await withMockServer(scenario: .fixed(jobs: jobs, items: [:])) { _, client in
            let poller = Poller(api: client, configuration: PollerConfiguration(jobIDs: [jobs[1].id, "bjb-missing"]))
            let snapshot = await poller.pollOnce()
            #expect(snapshot.jobs.map(\.id) == [jobs[1].id, "bjb-missing"])
            #expect(snapshot.jobs[0].job.processedItems == 1)
            #expect(snapshot.jobs[0].job.progressPercent == 10)
            #expect(snapshot.jobs[1].isVanished)
        }
    }

    @Test("a wrong key reaches the health as unauthorized")
    func unauthorized() async throws {
        try await withMockServer(key: "right", clientKey: "wrong") { _, client in
            let poller = Poller(api: client, configuration: PollerConfiguration())
            let snapshot = await poller.pollOnce()
            #expect(snapshot.health.state == .unauthorized)
            #expect(snapshot.health.lastError?.contains("401") == true)
        }
    }
}
