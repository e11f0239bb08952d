import AsyncHTTPClient
import Foundation
import LlamaCloud
import NIOCore
import Testing

@testable import MockCloud

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = start
    }

    /// The current time.
    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Moves the clock forward.
    func advance(by seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}

/// The API key test servers are started with.
let testKey = "test-key-123"

/// A response as the tests see it.
struct TestResponse {
    let status: Int
    let contentType: String?
    let body: Data

    /// Decodes the body with the LlamaCloud models.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: body)
    }

    /// The `detail` of an error body.
    var detail: String? {
        (try? JSONDecoder().decode(ErrorBody.self, from: body))?.detail
    }
}

/// Sends one request to the server over loopback.
func send(
    _ server: MockCloudServer, _ path: String, method: String = "GET", key: String? = testKey, body: String? = nil,
    timeout: Int64 = 10
) async throws -> TestResponse {
    var request = HTTPClientRequest(url: server.baseURL + path)
    request.method = .init(rawValue: method)
    if let key {
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
    }
    if let body {
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
    }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeout))
    let buffer = try await response.body.collect(upTo: 16 << 20)
    return TestResponse(
        status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
        body: Data(buffer.readableBytesView))
}

/// Runs `body` against a fresh server and always stops the server afterwards, also when `body` throws.
func withServer(
    _ scenario: MockScenario, clock: TestClock = TestClock(), _ body: (MockCloudServer) async throws -> Void
) async throws {
    let server = try await MockCloudServer.start(
        MockCloudConfiguration(apiKey: testKey, scenario: scenario, now: { clock.now() }))
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// `count` static jobs: statuses, types and directories cycle; job `i` is created `i` minutes after a base date.
func fixedJobs(_ count: Int) -> [BatchJob] {
    let statuses = ["completed", "running", "pending", "failed", "cancelled"]
    let types = ["parse", "extract", "classify"]
    let base = Date(timeIntervalSince1970: 1_780_000_000)
    return (0..<count).map { (index: Int) -> BatchJob in
        let status: String = statuses[index % statuses.count]
        let jobType: String = types[index % types.count]
        let createdAt: Date = base.addingTimeInterval(Double(index) * 60)
        let directory: String = index.isMultiple(of: 2) ? "dir-even" : "dir-odd"
        let processed: Int = index % 11
        return BatchJob(
            id: "bjb-fixed-\(index)", jobType: jobType, projectID: "proj-test", status: status, totalItems: 10,
            processedItems: processed, failedItems: 0, skippedItems: 0, createdAt: createdAt, directoryID: directory)
    }
}

/// Every item of a job, fetched page by page through the store.
func allItems(_ store: MockStore, _ id: String, status: String? = nil, pageSize: Int = 100) async throws -> [JobItem] {
    var items: [JobItem] = []
    while true {
        let page = try store.items(of: id, ItemListQuery(limit: pageSize, offset: items.count, status: status))
        items += page.items
        if page.items.isEmpty || items.count >= page.totalSize { return items }
    }
}

/// Every job, fetched page by page through the store.
func allJobs(_ store: MockStore, _ query: JobListQuery = JobListQuery()) async -> [BatchJob] {
    var jobs: [BatchJob] = []
    var query = query
    while true {
        query.offset = jobs.count
        let page = store.listJobs(query)
        jobs += page.items
        if page.items.isEmpty || jobs.count >= page.totalSize { return jobs }
    }
}
