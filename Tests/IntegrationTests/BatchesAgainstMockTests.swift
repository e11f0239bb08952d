import Foundation
import LlamaCloud
import MockCloud
import Testing

@testable import JobMonitor

/// The v2 half over real loopback HTTP: `HTTPBatchClient` against `MockCloud`'s v2 routes, and the poller reading
/// the `batches:N:F` scenario with its requests counted by the server.
@Suite("v2 Batches API against MockCloud over HTTP")
struct BatchesAgainstMockTests {
    @Test("list pages to a null token, get with expand=results, bulk jobs by job_ids, directory files, cancel")
    func clientCalls() async throws {
        // The server's clock stands still: on a starved machine the running batch chosen below could otherwise end
        // before it is cancelled (a CI run answered 409 "already COMPLETED" 40 s in).
        let start = Date()
        try await withClientAgainstMock(.demo(), now: { start }) { server, client in
            let batches = try await collectPages { (token: String?) async throws(BatchAPIError) in
                try await client.listBatches(BatchListQuery(pageSize: 3, pageToken: token))
            }
            #expect(batches.count == 8)
            #expect(Set(batches.map(\.id)).count == 8)
            #expect(server.requestCounts[.listBatches] == 3)
            var expandedBatches: [Batch] = []
            for batch in batches where batch.status == "RUNNING" && batch.jobType == "parse_v2" {
                expandedBatches.append(try await client.batch(id: batch.id, expandResults: true))
            }
            // The demo has a running parse batch whose results stay null, and one with them.
            #expect(expandedBatches.contains { $0.results == nil })
            let expanded = try #require(expandedBatches.first { !($0.results ?? []).isEmpty })
            let running = expanded
            let plain = try await client.batch(id: running.id, expandResults: false)
            #expect(plain.results == nil)
            let results = try #require(expanded.results)
            let ids = results.compactMap { $0.jobReference?.id }
            try #require(!ids.isEmpty)
            let jobs = try await collectPages { (token: String?) async throws(BatchAPIError) in
                try await client.processingJobs(.parse, ids: Array(ids.prefix(5)), pageSize: 2, pageToken: token)
            }
            #expect(Set(jobs.map(\.id)) == Set(ids.prefix(5)))
            let files = try await collectPages { (token: String?) async throws(BatchAPIError) in
                try await client.directoryFiles(directoryID: expanded.sourceDirectoryID, pageSize: 7, pageToken: token)
            }
            #expect(Set(results.map(\.sourceDirectoryFileID)).isSubset(of: Set(files.map(\.id))))
            let answer = try await client.cancelBatch(id: running.id)
            #expect(answer.status != "CANCELLED")
            do throws(BatchAPIError) {
                _ = try await client.batch(id: "bat-nope", expandResults: true)
                Issue.record("an unknown batch did not answer 404")
            } catch {
                #expect(error.httpStatus == 404)
            }
        }
    }

    @Test("a list route that refuses the page size (422) is asked again without it, and without it from then on")
    func pageSizeRefused() async throws {
        let paths = PathRecorder()
        try await withClientAgainstMock(.demo(), recorder: paths) { server, client in
            server.injectFaults(
                [.respond(status: 422, body: #"{"detail":"page_size: ensure this value is less than or equal to 50"}"#)],
                on: .v2(.listBatches))
            let first = try await client.listBatches(BatchListQuery(pageSize: 100))
            let second = try await client.listBatches(BatchListQuery(pageSize: 100))
            // Another route still asks for its page size.
            let running = try #require(first.items.first { $0.status == "RUNNING" })
            _ = try await client.directoryFiles(directoryID: running.sourceDirectoryID, pageSize: 7, pageToken: nil)
            #expect(!first.items.isEmpty && first.items.map(\.id) == second.items.map(\.id))
        }
        let listed = paths.paths.filter { $0.hasPrefix("/api/v2/batches") }
        #expect(listed.count == 3)
        #expect(listed.first?.contains("page_size=100") == true)
        #expect(listed.dropFirst().allSatisfy { !$0.contains("page_size") })
        #expect(paths.paths.contains { $0.contains("/files") && $0.contains("page_size=7") })
    }

    @Test("a refused cancel (409 for a finished batch) is not retried")
    func refusedCancel() async throws {
        try await withClientAgainstMock(.demo()) { server, client in
            let batches = try await collectPages { (token: String?) async throws(BatchAPIError) in
                try await client.listBatches(BatchListQuery(pageSize: 100, pageToken: token))
            }
            let finished = try #require(batches.first { $0.status == "COMPLETED" })
            let retrying = RetryingBatchesAPI(client, policy: RetryPolicy(maxRetries: 3, initialDelay: 0.01))
            server.resetRequestCounts()
            do throws(BatchAPIError) {
                _ = try await retrying.cancelBatch(id: finished.id)
                Issue.record("cancelling a finished batch succeeded")
            } catch {
                #expect(error.httpStatus == 409)
            }
            #expect(server.requestCounts[.cancelBatch] == 1)
        }
    }

    @Test("the poller over HTTP: 20 batches of 300 files, true counts, steady cycles cost one get per active batch")
    func pollerEconomy() async throws {
        try await withClientAgainstMock(.batches(count: 20, files: 300)) { server, client in
            var configuration = PollerConfiguration(interval: 1)
            configuration.apiSelection = .v2
            let poller = Poller(api: client, batches: client, configuration: configuration)
            let first = await poller.pollOnce()
            #expect(first.health.lastError == nil)
            #expect(first.jobs.count == 20)
            #expect(first.liveAPIs == [.v2])
            let settled = first.jobs.filter { $0.job.batch?.filesTotal != nil }
            #expect(settled.allSatisfy { $0.job.batch?.filesTotal == 300 })
            // Cross-check one batch's counts against the server's own mapping and jobs.
            let active = try #require(first.jobs.first { !$0.job.status.isTerminal && $0.job.batch?.resultsKnown == true })
            let facts = try #require(active.job.batch)
            let batch = try await client.batch(id: active.id, expandResults: true)
            let results = try #require(batch.results)
            #expect(facts.mappingErrors == results.filter { $0.jobReference == nil && $0.errorMessage != nil }.count)
            #expect(facts.finished + facts.active + facts.waiting == 300)

            await poller.pollOnce()
            server.resetRequestCounts()
            let steady = await poller.pollOnce()
            let running = steady.jobs.filter { !$0.job.status.isTerminal }.count
            let counts = server.requestCounts
            #expect(counts[.getBatch] <= running + 2)
            #expect(counts[.listDirectoryFiles] == 0)
            #expect(counts.mostJobIDsInOneCall <= 100)
            #expect(counts[.listBatches] <= 3)
            #expect(counts.list + counts.status == 0)
        }
    }
}

/// Collects the paths (with queries) of the requests an `HTTPBatchClient` made.
final class PathRecorder: RequestRecorder {
    private let recorded = Locked<[String]>([])

    /// The paths, in order.
    var paths: [String] { recorded.withLock { $0 } }

    func requestFinished(method: String, path: String, status: Int?, seconds: TimeInterval, failure: String?) {
        recorded.withLock { $0.append(path) }
    }

    func retrying(attempt: Int, seconds: TimeInterval, after failure: String) {}
}
