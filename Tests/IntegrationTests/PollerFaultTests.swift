import Foundation
import LlamaCloud
import MockCloud
import Testing

@testable import JobMonitor

/// The poller, through the retrying client, against the mock server with scripted faults. Real time passes here
/// (loopback HTTP, 1 s client timeout, short retry backoffs), a few seconds per test.
@Suite("Poller against the mock server with injected faults")
struct PollerFaultTests {
    /// Retries as the SDKs do, with short backoffs so the test stays quick (Retry-After is still honoured as sent).
    static let policy = RetryPolicy(initialDelay: 0.05, random: { 0 })

    @Test("persistent faults reach the health, no job and no snapshot is lost, and the poller recovers by itself")
    func faultsAndRecovery() async throws {
        try await withPollerAgainstMock { server, poller in
            var published = poller.snapshots.makeAsyncIterator()
            let ids = Set(fixedJobs(150).map(\.id))
            let first = await poller.pollOnce()
            #expect(first.health.state == .ok)
            #expect(Set(first.jobs.map(\.id)) == ids)
            #expect(await published.next()?.cycle == 1)

            let faults: [(String, [MockFault], String)] = [
                ("429", Array(repeating: .rateLimited(retryAfter: 1), count: 3), "429 rate limited, retry after 1 s"),
                ("503 HTML", Array(repeating: .htmlError(status: 503), count: 3), "server error 503: HTML page: 503"),
                ("truncated JSON", [.truncateBody], "unexpected response body: not valid JSON"),
                ("slow response", Array(repeating: .delay(seconds: 1.6), count: 3), "request timed out"),
            ]
            var cycle = 1
            var lastGood = Dictionary(uniqueKeysWithValues: first.jobs.map { ($0.id, $0.fetchedAt) })
            for (name, script, message) in faults {
                server.injectFaults(script, on: .list)
                let failed = await poller.pollOnce()
                cycle += 1
                #expect(failed.health.state == .degraded, "\(name)")
                #expect(failed.health.lastError?.hasPrefix(message) == true, "\(name): \(failed.health.lastError ?? "-")")
                #expect(failed.health.nextRetryAt != nil, "\(name)")
                #expect(Set(failed.jobs.map(\.id)) == ids, "\(name): jobs were lost")
                let running = failed.jobs.filter { $0.job.status == .running }
                #expect(running.count == 120)
                #expect(running.allSatisfy { $0.fetchError != nil && $0.fetchedAt == lastGood[$0.id] }, "\(name)")
                #expect(failed.jobs.filter { $0.job.status == .failed }.allSatisfy { $0.fetchError == nil })
                #expect(await published.next()?.cycle == cycle, "\(name): the failure was not published")
                #expect(server.pendingFaults == 0, "\(name)")

                let recovered = await poller.pollOnce()
                cycle += 1
                #expect(recovered.health.state == .ok, "\(name): did not recover")
                #expect(recovered.health.nextRetryAt == nil)
                #expect(recovered.jobs.allSatisfy { $0.fetchError == nil })
                #expect(Set(recovered.jobs.map(\.id)) == ids)
                #expect(await published.next()?.cycle == cycle, "\(name): the recovery was not published")
                lastGood = Dictionary(uniqueKeysWithValues: recovered.jobs.map { ($0.id, $0.fetchedAt) })
            }
        }
    }

    @Test("a single fault of each retryable kind is retried away: the cycle stays clean and costs one extra request")
    func transientFaults() async throws {
        try await withPollerAgainstMock { server, poller in
            await poller.pollOnce()
            for fault in [MockFault.rateLimited(retryAfterMilliseconds: 200), .htmlError(status: 502), .delay(seconds: 1.6)] {
                server.resetRequestCounts()
                server.injectFaults([fault], on: .list)
                let snapshot = await poller.pollOnce()
                #expect(snapshot.health.state == .ok, "\(fault)")
                #expect(snapshot.health.consecutiveFailures == 0)
                #expect(server.requestCounts == MockRequestCounts(list: 3), "\(fault)")
            }
        }
    }

    @Test("an unchanged project costs ⌈N/100⌉ list calls per cycle over HTTP, and publishes nothing")
    func requestCountsOverHTTP() async throws {
        try await withPollerAgainstMock(jobs: 250) { server, poller in
            await poller.pollOnce()
            server.resetRequestCounts()
            for _ in 0..<5 { await poller.pollOnce() }
            #expect(server.requestCounts == MockRequestCounts(list: 15))
            #expect(await poller.publication.count == 1)
        }
    }
}
