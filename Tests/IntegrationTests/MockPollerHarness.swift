import Foundation
import LlamaCloud
import MockCloud

@testable import JobMonitor

/// Runs `body` with a poller (retrying HTTP client with short backoffs, 1 s timeout) against a fresh mock server
/// serving `count` fixed jobs, and shuts both down afterwards, also when `body` throws.
func withPollerAgainstMock(
    jobs count: Int = 150, key: String = "k", configuration: PollerConfiguration = PollerConfiguration(interval: 1),
    _ body: (MockCloudServer, Poller) async throws -> Void
) async throws {
    let server = try await MockCloudServer.start(
        MockCloudConfiguration(apiKey: key, scenario: .fixed(jobs: fixedJobs(count), items: [:])))
    let client = HTTPBatchClient(configuration: APIConfiguration(baseURL: server.baseURL, apiKey: key, timeout: 1))
    let poller = Poller(api: RetryingBatchAPI(client, policy: PollerFaultTests.policy), configuration: configuration)
    do {
        try await body(server, poller)
    } catch {
        await client.shutdown()
        await server.stop()
        throw error
    }
    await client.shutdown()
    await server.stop()
}
