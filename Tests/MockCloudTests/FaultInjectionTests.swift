import Foundation
import LlamaCloud
import Testing

@testable import MockCloud

@Suite("Scripted faults of the mock server")
struct FaultInjectionTests {
    private static let list = "/api/v1/beta/batch-processing"

    @Test("each fault is shown once, in order, to the requests it targets; the others are served normally")
    func scripted() async throws {
        try await withServer(.fixed(jobs: fixedJobs(3), items: [:])) { server in
            server.injectFaults([.rateLimited(retryAfter: 7), .htmlError(status: 503)], on: .list)
            server.injectFaults([.truncateBody], on: .status)
            let status = try await send(server, Self.list + "/bjb-fixed-1")
            #expect(status.status == 200)
            #expect((try? status.decode(JobStatusResponse.self)) == nil, "the body was not cut")
            #expect(status.body.count > 10)
            let limited = try await send(server, Self.list)
            #expect(limited.status == 429)
            #expect(limited.detail == "Too many requests")
            let html = try await send(server, Self.list)
            #expect(html.status == 503)
            #expect(html.contentType == "text/html")
            #expect(String(decoding: html.body, as: UTF8.self).hasPrefix("<html>"))
            let normal = try await send(server, Self.list)
            #expect(normal.status == 200)
            #expect(try normal.decode(JobListPage.self).items.count == 3)
            #expect(server.pendingFaults == 0)
            #expect(server.requestCounts == MockRequestCounts(list: 3, status: 1))
        }
    }

    @Test("a 429 carries Retry-After; configuration faults apply from the first request; a delay still answers")
    func headersAndDelay() async throws {
        let server = try await MockCloudServer.start(
            MockCloudConfiguration(apiKey: testKey, scenario: .fixed(jobs: fixedJobs(2), items: [:]), faults: [.delay(seconds: 0.3)]))
        do {
            try await checkHeadersAndDelay(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    private func checkHeadersAndDelay(_ server: MockCloudServer) async throws {
        let started = Date()
        let delayed = try await send(server, Self.list)
        #expect(delayed.status == 200)
        #expect(Date().timeIntervalSince(started) >= 0.3)
        server.injectFaults([.rateLimited(retryAfter: 9)])
        let client = HTTPBatchClient(configuration: APIConfiguration(baseURL: server.baseURL, apiKey: testKey, timeout: 5))
        do throws(BatchAPIError) {
            _ = try await client.listJobs(JobListQuery())
            Issue.record("expected a 429")
        } catch {
            #expect(error == .rateLimited(retryAfter: 9, detail: "Too many requests"))
        }
        await client.shutdown()
        server.resetRequestCounts()
        #expect(server.requestCounts.total == 0)
    }
}
