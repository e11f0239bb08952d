import Foundation
import LlamaCloud
import MockCloud
import Testing

/// `--log-file` from the real binary against an in-process mock server: requests, retries and state changes, one
/// line each, and never the key.
@Suite("--log-file records requests, retries and state changes")
struct LogFileEndToEndTests {
    static let key = "e2e-log-secret-key"

    @Test("a headless run logs every request with status and duration, the retry after a 503, the job's finish")
    func headlessRunIsLogged() async throws {
        let job = BatchJob(
            id: "bjb-logged", jobType: "parse", projectID: "p", status: "completed", totalItems: 4, processedItems: 4,
            createdAt: Date(timeIntervalSince1970: 1_764_000_000))
        let server = try await MockCloudServer.start(
            MockCloudConfiguration(
                apiKey: Self.key, scenario: .fixed(jobs: [job], items: [:]),
                faults: [.respond(status: 503, body: #"{"detail":"busy"}"#)]))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batchtop-logfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let logPath = directory.appendingPathComponent("run.log").path
        var environment = ProcessInfo.processInfo.environment
        environment["LLAMA_CLOUD_API_KEY"] = Self.key
        environment["LLAMA_CLOUD_BASE_URL"] = server.baseURL
        environment["XDG_CONFIG_HOME"] = directory.path
        let result: (status: Int32, output: String, error: String)
        do {
            result = try await Shell.executeInBackground(
                Product.batchtop,
                ["--until-done", "--interval", "0.2", "--timeout-total", "30", "--log-file", logPath, "bjb-logged"],
                environment: environment)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        #expect(result.status == 0, "stderr: \(result.error)")
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        let lines = log.split(separator: "\n")
        #expect(lines.first?.contains(" start ") == true, "\(log)")
        #expect(lines.contains { $0.contains("request GET /api/v1/beta/batch-processing/bjb-logged 503 server error 503") }, "\(log)")
        #expect(lines.contains { $0.contains(" retry 1 in ") && $0.hasSuffix("after server error 503: busy") }, "\(log)")
        #expect(lines.contains { $0.contains("request GET /api/v1/beta/batch-processing/bjb-logged 200 ") && $0.hasSuffix("ms") }, "\(log)")
        #expect(lines.contains { $0.contains("bjb-logged") && $0.contains("completed") && !$0.contains("request") }, "\(log)")
        #expect(!log.contains(Self.key), "the key is in the log")
        #expect(!log.lowercased().contains("authorization") && !log.lowercased().contains("bearer"))
    }

    @Test("a log file that cannot be opened is refused before anything starts, exit 2")
    func unopenable() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["LLAMA_CLOUD_API_KEY"] = Self.key
        let result = try Shell.execute(
            Product.batchtop, ["--once", "--base-url", "http://127.0.0.1:9", "--log-file", "/nonexistent-dir/x.log"],
            environment: environment)
        #expect(result.status == 2)
        #expect(result.error.contains("cannot open the log file '/nonexistent-dir/x.log'"), "stderr: \(result.error)")
    }
}
