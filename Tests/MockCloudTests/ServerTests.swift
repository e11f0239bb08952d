import Foundation
import LlamaCloud
import Testing

@testable import MockCloud

@Suite("Mock server over loopback")
struct ServerTests {
    private static let prefix = "/api/v1/beta/batch-processing"

    @Test("listens on an ephemeral loopback port; stop is idempotent")
    func startAndStop() async throws {
        let server = try await MockCloudServer.start(MockCloudConfiguration(apiKey: testKey))
        #expect(server.port > 0)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        let response = try await send(server, Self.prefix)
        #expect(response.status == 200)
        await server.stop()
        await server.stop()
        await server.waitUntilStopped()
        // Nothing listens any more (the client retries a refused connection until its deadline, so keep it short).
        await #expect(throws: (any Error).self) { _ = try await send(server, Self.prefix, timeout: 1) }
    }

    @Test("starting on a port that is already taken throws instead of hanging")
    func portInUse() async throws {
        try await withServer(.demo()) { server in
            await #expect(throws: (any Error).self) {
                let second = try await MockCloudServer.start(MockCloudConfiguration(apiKey: testKey, port: server.port))
                await second.stop()
            }
        }
    }

    @Test("requests without the key or with a wrong key get 401")
    func unauthorized() async throws {
        try await withServer(.demo()) { server in
            for key in [nil, "wrong-key", ""] as [String?] {
                let response = try await send(server, Self.prefix, key: key)
                #expect(response.status == 401)
                #expect(response.detail == "Invalid or missing API key")
                #expect(response.contentType == "application/json")
            }
            let jobs = try await send(server, Self.prefix + "/bjb-x/items", key: "Bearer-less")
            #expect(jobs.status == 401)
            let cancel = try await send(server, Self.prefix + "/bjb-x/cancel", method: "POST", key: nil)
            #expect(cancel.status == 401)
            let good = try await send(server, Self.prefix)
            #expect(good.status == 200)
            #expect(good.contentType == "application/json")
        }
    }

    @Test("the list pages through 250 fixed jobs newest first, with and without a trailing slash")
    func pagination() async throws {
        try await withServer(.fixed(jobs: fixedJobs(250), items: [:])) { server in
            var ids: [String] = []
            for (offset, expected) in [(0, 100), (100, 100), (200, 50)] {
                let response = try await send(server, Self.prefix + "?limit=100&offset=\(offset)")
                #expect(response.status == 200)
                let page = try response.decode(JobListPage.self)
                #expect(page.items.count == expected)
                #expect(page.totalSize == 250)
                ids += page.items.map(\.id)
            }
            #expect(Set(ids).count == 250)
            #expect(ids.first == "bjb-fixed-249")
            #expect(ids.last == "bjb-fixed-0")
            let slash = try await send(server, Self.prefix + "/?limit=10&offset=245&organization_id=o&project_id=p")
            let slashPage = try slash.decode(JobListPage.self)
            #expect(slashPage.items.map(\.id) == (0..<5).reversed().map { "bjb-fixed-\($0)" })
            #expect(slashPage.totalSize == 250)
            let defaults = try await send(server, Self.prefix).decode(JobListPage.self)
            #expect(defaults.items.count == 100)
            let beyond = try await send(server, Self.prefix + "?offset=300").decode(JobListPage.self)
            #expect(beyond.items.isEmpty && beyond.totalSize == 250)
        }
    }

    @Test("the list filters by status, job type and directory")
    func filters() async throws {
        try await withServer(.fixed(jobs: fixedJobs(250), items: [:])) { server in
            let running = try await send(server, Self.prefix + "?status=running").decode(JobListPage.self)
            #expect(running.totalSize == 50)
            #expect(running.items.count == 50 && running.items.allSatisfy { $0.status == "running" })
            let extract = try await send(server, Self.prefix + "?job_type=extract&limit=100").decode(JobListPage.self)
            #expect(extract.totalSize == 83)
            #expect(extract.items.allSatisfy { $0.jobType == "extract" })
            let both = try await send(server, Self.prefix + "?job_type=classify&status=failed").decode(JobListPage.self)
            let expected = fixedJobs(250).filter { $0.jobType == "classify" && $0.status == "failed" }.count
            #expect(both.totalSize == expected)
            #expect(both.items.allSatisfy { $0.jobType == "classify" && $0.status == "failed" })
            let directory = try await send(server, Self.prefix + "?directory_id=dir-odd").decode(JobListPage.self)
            #expect(directory.totalSize == 125)
            #expect(directory.items.allSatisfy { $0.directoryID == "dir-odd" })
            let none = try await send(server, Self.prefix + "?status=exploded").decode(JobListPage.self)
            #expect(none.totalSize == 0 && none.items.isEmpty)
        }
    }

    @Test("job status returns the job and its progress; an unknown job is 404")
    func status() async throws {
        try await withServer(.fixed(jobs: fixedJobs(20), items: [:])) { server in
            let response = try await send(server, Self.prefix + "/bjb-fixed-6")
            #expect(response.status == 200)
            let status = try response.decode(JobStatusResponse.self)
            #expect(status.job.id == "bjb-fixed-6")
            #expect(status.job.status == "running")
            #expect(status.progressPercentage == 60)
            let missing = try await send(server, Self.prefix + "/bjb-does-not-exist")
            #expect(missing.status == 404)
            #expect(missing.detail == "Batch job not found")
            let missingItems = try await send(server, Self.prefix + "/bjb-does-not-exist/items")
            #expect(missingItems.status == 404)
            let unknownPath = try await send(server, "/api/v1/other")
            #expect(unknownPath.status == 404)
        }
    }

    @Test("cancel makes the job cancelled; cancelling a completed job is 400; an unknown job is 404")
    func cancel() async throws {
        let clock = TestClock()
        try await withServer(.demo(), clock: clock) { server in
            let running = try await send(server, Self.prefix + "?status=running&limit=1").decode(JobListPage.self)
            let job = try #require(running.items.first)
            clock.advance(by: 3)
            let response = try await send(
                server, Self.prefix + "/\(job.id)/cancel", method: "POST", body: #"{"reason": "test"}"#)
            #expect(response.status == 200)
            let cancel = try response.decode(CancelResponse.self)
            #expect(cancel.jobID == job.id)
            #expect(cancel.status == "cancelled")
            #expect(!cancel.message.isEmpty)
            #expect(cancel.processedItems >= (job.processedItems ?? 0))
            clock.advance(by: 600)
            let status = try await send(server, Self.prefix + "/\(job.id)").decode(JobStatusResponse.self)
            #expect(status.job.status == "cancelled")
            #expect(status.job.processedItems == cancel.processedItems)
            #expect(status.job.completedAt != nil)
            let listed = try await send(server, Self.prefix + "?status=cancelled").decode(JobListPage.self)
            #expect(listed.items.contains { $0.id == job.id })

            let again = try await send(server, Self.prefix + "/\(job.id)/cancel", method: "POST")
            #expect(again.status == 400)
            #expect(again.detail == "Job is already cancelled")
            let completed = try await send(server, Self.prefix + "?status=completed&limit=1").decode(JobListPage.self)
            let done = try #require(completed.items.first)
            let refused = try await send(server, Self.prefix + "/\(done.id)/cancel", method: "POST")
            #expect(refused.status == 400)
            #expect(refused.detail == "Job is already completed")
            let unknown = try await send(server, Self.prefix + "/bjb-nope/cancel", method: "POST")
            #expect(unknown.status == 404)
            let badBody = try await send(server, Self.prefix + "/\(done.id)/cancel", method: "POST", body: "{not json")
            #expect(badBody.status == 422)
            let wrongMethod = try await send(server, Self.prefix + "/\(done.id)/cancel")
            #expect(wrongMethod.status == 405)
        }
    }

    @Test("cancelling a fixed job cancels its unfinished items")
    func cancelFixed() async throws {
        let jobs = fixedJobs(3)
        let items = (0..<4).map { index in
            JobItem(itemID: "itm-\(index)", itemName: "f\(index).pdf", status: ["completed", "processing", "pending", "failed"][index])
        }
        try await withServer(.fixed(jobs: jobs, items: ["bjb-fixed-1": items])) { server in
            let response = try await send(server, Self.prefix + "/bjb-fixed-1/cancel", method: "POST")
            #expect(response.status == 200)
            let page = try await send(server, Self.prefix + "/bjb-fixed-1/items").decode(ItemsPage.self)
            #expect(page.items.map(\.status) == ["completed", "cancelled", "cancelled", "failed"])
            let status = try await send(server, Self.prefix + "/bjb-fixed-1").decode(JobStatusResponse.self)
            #expect(status.job.status == "cancelled")
        }
    }

    @Test("items filtered by status=failed are only failed items, each with an error message")
    func failedItems() async throws {
        let clock = TestClock()
        try await withServer(.demo(), clock: clock) { server in
            let jobs = try await send(server, Self.prefix).decode(JobListPage.self).items
            let withFailures = jobs.filter { ($0.failedItems ?? 0) > 0 }
            #expect(withFailures.count >= 3)
            for job in withFailures {
                let response = try await send(server, Self.prefix + "/\(job.id)/items?status=failed&limit=100")
                #expect(response.status == 200)
                let page = try response.decode(ItemsPage.self)
                #expect(page.totalSize == job.failedItems)
                #expect(!page.items.isEmpty)
                #expect(page.items.allSatisfy { $0.status == "failed" && !($0.errorMessage ?? "").isEmpty })
            }
            let job = try #require(jobs.first { $0.totalItems > 150 })
            let all = try await send(server, Self.prefix + "/\(job.id)/items?limit=50&offset=100").decode(ItemsPage.self)
            #expect(all.items.count == 50)
            #expect(all.totalSize == job.totalItems)
        }
    }

    @Test("a bad limit or offset gives 422 with a detail")
    func badQuery() async throws {
        try await withServer(.demo()) { server in
            for query in ["limit=0", "limit=101", "limit=abc", "limit=", "offset=-1", "offset=x"] {
                let response = try await send(server, Self.prefix + "?" + query)
                #expect(response.status == 422, "\(query)")
                #expect(!(response.detail ?? "").isEmpty)
            }
            let jobs = try await send(server, Self.prefix + "?limit=1").decode(JobListPage.self)
            let job = try #require(jobs.items.first)
            let items = try await send(server, Self.prefix + "/\(job.id)/items?limit=500")
            #expect(items.status == 422)
            let limits = try await send(server, Self.prefix + "?limit=100")
            #expect(limits.status == 200)
        }
    }
}
