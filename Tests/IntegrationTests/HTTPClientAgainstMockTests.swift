import Foundation
import LlamaCloud
import MockCloud
import Testing

/// Runs `body` with a real HTTP client talking to a fresh mock server on a loopback port, then stops both;
/// `now` is the server's clock.
func withMockServer<T>(
    scenario: MockScenario = .demo(), key: String = "test-key", clientKey: String? = nil,
    now: @escaping @Sendable () -> Date = { Date() },
    _ body: (MockCloudServer, HTTPBatchClient) async throws -> T
) async throws -> T {
    let server = try await MockCloudServer.start(MockCloudConfiguration(apiKey: key, scenario: scenario, now: now))
    let client = HTTPBatchClient(configuration: APIConfiguration(baseURL: server.baseURL, apiKey: clientKey ?? key, timeout: 10))
    do {
        let result = try await body(server, client)
        await client.shutdown()
        await server.stop()
        return result
    } catch {
        await client.shutdown()
        await server.stop()
        throw error
    }
}

/// `count` static jobs, newest first, for exact pagination checks.
func fixedJobs(_ count: Int) -> [BatchJob] {
    let base = Date(timeIntervalSince1970: 1_795_946_400)
    return (0..<count).map { index in
        BatchJob(
            id: String(format: "bjb-%05d", index), jobType: ["parse", "extract", "classify"][index % 3], projectID: "proj-1",
            status: index % 5 == 0 ? "failed" : "running", totalItems: 10, processedItems: index % 10,
            createdAt: base.addingTimeInterval(-Double(index)))
    }
}

@Suite("HTTP client against the mock server on loopback")
struct HTTPClientAgainstMockTests {
    @Test("listing follows offset/limit across pages to total_size")
    func pagination() async throws {
        let jobs = fixedJobs(250)
        try await withMockServer(scenario: .fixed(jobs: jobs, items: [:])) { _, client in
            let first = try await client.listJobs(JobListQuery(limit: 100, offset: 0))
            #expect(first.items.count == 100)
            #expect(first.totalSize == 250)
            let last = try await client.listJobs(JobListQuery(limit: 100, offset: 200))
            #expect(last.items.count == 50)
            let all = try await client.listAllJobs(JobListQuery())
            #expect(all.count == 250)
            #expect(Set(all.map(\.id)) == Set(jobs.map(\.id)))
            let failed = try await client.listAllJobs(JobListQuery(status: "failed"))
            #expect(failed.count == 50)
            #expect(failed.allSatisfy { $0.status == "failed" })
        }
    }

    @Test("status, cancel and items round-trip through the real client")
    func statusCancelItems() async throws {
        // The server's clock stands still, so the running job chosen below cannot end before it is cancelled.
        let start = Date()
        try await withMockServer(now: { start }) { _, client in
            let jobs = try await client.listAllJobs(JobListQuery())
            #expect(jobs.count >= 20)
            let running = try #require(jobs.first { $0.status == "running" })
            let status = try await client.jobStatus(id: running.id)
            #expect(status.job.id == running.id)
            #expect((0...100).contains(status.progressPercentage))

            let cancel = try await client.cancelJob(id: running.id, reason: "integration test")
            #expect(cancel.jobID == running.id)
            #expect(cancel.status == "cancelled")
            #expect(try await client.jobStatus(id: running.id).job.status == "cancelled")

            let failedJob = try #require(jobs.first { ($0.failedItems ?? 0) > 0 })
            let failedItems = try await client.jobItems(id: failedJob.id, query: ItemListQuery(status: "failed"))
            #expect(!failedItems.items.isEmpty)
            #expect(failedItems.items.allSatisfy { $0.status == "failed" && !($0.errorMessage ?? "").isEmpty })
        }
    }

    @Test("a wrong key gives 401 unauthorized, without the key in the message")
    func wrongKey() async throws {
        try await withMockServer(key: "right-key", clientKey: "wrong-key-123") { _, client in
            await #expect(throws: BatchAPIError.self) { _ = try await client.listJobs(JobListQuery()) }
            do throws(BatchAPIError) {
                _ = try await client.listJobs(JobListQuery())
            } catch {
                #expect(error.isAuthenticationFailure)
                #expect(error.httpStatus == 401)
                #expect(!error.description.contains("wrong-key-123"))
            }
        }
    }

    @Test("an unknown job gives 404 not found")
    func unknownJob() async throws {
        try await withMockServer { _, client in
            do throws(BatchAPIError) {
                _ = try await client.jobStatus(id: "bjb-does-not-exist")
                Issue.record("expected a 404")
            } catch {
                #expect(error.httpStatus == 404)
            }
        }
    }

    @Test("a closed port gives a transport error, not a hang")
    func connectionRefused() async throws {
        let server = try await MockCloudServer.start(MockCloudConfiguration(apiKey: "k"))
        let url = server.baseURL
        await server.stop()
        let client = HTTPBatchClient(configuration: APIConfiguration(baseURL: url, apiKey: "k", timeout: 5))
        do throws(BatchAPIError) {
            _ = try await client.listJobs(JobListQuery())
            Issue.record("expected a connection error")
        } catch {
            switch error {
            case .transport, .timeout: break
            default: Issue.record("unexpected error \(error)")
            }
        }
        await client.shutdown()
    }
}
