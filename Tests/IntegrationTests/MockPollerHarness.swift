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
    try await withClientAgainstMock(.fixed(jobs: fixedJobs(count), items: [:]), key: key, timeout: 1) { server, client in
        let poller = Poller(api: RetryingBatchAPI(client, policy: PollerFaultTests.policy), configuration: configuration)
        try await body(server, poller)
    }
}

/// Runs `body` with an HTTP client against a fresh mock server serving `scenario`, and shuts both down afterwards,
/// also when `body` throws; `recorder` hears of every request; `now` is the server's clock.
func withClientAgainstMock(
    _ scenario: MockScenario, key: String = "k", timeout: TimeInterval = 5, recorder: (any RequestRecorder)? = nil,
    now: @escaping @Sendable () -> Date = { Date() },
    _ body: (MockCloudServer, HTTPBatchClient) async throws -> Void
) async throws {
    let server = try await MockCloudServer.start(MockCloudConfiguration(apiKey: key, scenario: scenario, now: now))
    let client = HTTPBatchClient(
        configuration: APIConfiguration(baseURL: server.baseURL, apiKey: key, timeout: timeout), recorder: recorder)
    do {
        try await body(server, client)
    } catch {
        await client.shutdown()
        await server.stop()
        throw error
    }
    await client.shutdown()
    await server.stop()
}
