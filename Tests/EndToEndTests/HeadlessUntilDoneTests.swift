import Foundation
import LlamaCloud
import MockCloud
import Testing

/// `batchtop --until-done` with standard output a file (no terminal), against an in-process mock server on loopback.
@Suite("--until-done without a terminal: lines, JSONL and exit codes", .serialized)
struct HeadlessUntilDoneTests {
    static let key = "e2e-headless-key"
    static let created = Date(timeIntervalSince1970: 1_764_000_000)

    static func job(_ id: String, _ status: String, processed: Int = 10, failed: Int = 0, error: String? = nil) -> BatchJob {
        BatchJob(
            id: id, jobType: "parse", projectID: "proj-e2e", status: status, totalItems: 10, processedItems: processed,
            failedItems: failed, skippedItems: 0, createdAt: created, directoryID: "dir-e2e", errorMessage: error)
    }

    /// Jobs that stay as they are: finished ones with each outcome, and one that keeps running.
    static let jobs = [
        job("bjb-done-1", "completed"), job("bjb-done-items", "completed", failed: 2),
        job("bjb-fail", "failed", processed: 4, failed: 4, error: "Worker crashed \u{1B}[31mred\u{1B}[0m"),
        job("bjb-canc", "cancelled", processed: 3), job("bjb-run", "running", processed: 5),
    ]

    struct Run {
        let status: Int32
        let output: String
        let error: String
        var lines: [String] { output.split(separator: "\n").map(String.init) }
    }

    /// Runs batchtop headless against a fresh mock server; every run has a 30 s total timeout as a safety net.
    private func run(
        _ arguments: [String], scenario: MockScenario = .fixed(jobs: jobs, items: [:]), faults: [MockFault] = [],
        key: String = key
    ) async throws -> Run {
        let server = try await MockCloudServer.start(
            MockCloudConfiguration(apiKey: Self.key, scenario: scenario, faults: faults))
        var environment = ProcessInfo.processInfo.environment
        for name in ["LLAMA_CLOUD_API_KEY", "LLAMA_PARSE_API_KEY", "LLAMA_CLOUD_PROJECT_ID", "LLAMA_CLOUD_ORGANIZATION_ID"] {
            environment[name] = nil
        }
        environment["LLAMA_CLOUD_API_KEY"] = key
        environment["LLAMA_CLOUD_BASE_URL"] = server.baseURL
        environment["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("batchtop-none").path
        let safety = arguments.contains("--timeout-total") ? [] : ["--timeout-total", "30"]
        let result: (status: Int32, output: String, error: String)
        do {
            result = try await Shell.executeInBackground(
                Product.batchtop, ["--until-done", "--interval", "0.2"] + safety + arguments, environment: environment)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        return Run(status: result.status, output: result.output, error: result.error)
    }

    @Test("0: every watched job completed; one line per job and a done line")
    func allCompleted() async throws {
        let result = try await run(["bjb-done-1", "bjb-done-items"])
        #expect(result.status == 0, "stdout: \(result.output)\nstderr: \(result.error)")
        #expect(result.lines.contains { $0.contains("finished bjb-done-1 parse completed 100% 10/10") })
        #expect(result.lines.last?.contains("done: all watched jobs completed (exit 0)") == true, "\(result.output)")
        // Nothing changes after the first poll, however many polls there are: two jobs seen, then done.
        #expect(result.lines.count == 3, "\(result.output)")
    }

    @Test("1: one job failed; its error message is printed sanitised")
    func oneFailed() async throws {
        let result = try await run(["bjb-done-1", "bjb-fail"])
        #expect(result.status == 1, "stdout: \(result.output)\nstderr: \(result.error)")
        #expect(result.output.contains("bjb-fail parse failed"))
        #expect(result.output.contains("Worker crashed ␛[31mred␛[0m"), "\(result.output)")
        #expect(!result.output.contains("\u{1B}"))
    }

    @Test("1 with --fail-on-items for a completed job with failed items; 0 without")
    func failOnItems() async throws {
        let strict = try await run(["--fail-on-items", "bjb-done-items"])
        #expect(strict.status == 1, "\(strict.output)")
        let lenient = try await run(["bjb-done-items"])
        #expect(lenient.status == 0, "\(lenient.output)")
    }

    @Test("--fail-fast: 1 at once although another job keeps running")
    func failFast() async throws {
        let result = try await run(["--fail-fast", "bjb-fail", "bjb-run"])
        #expect(result.status == 1, "stdout: \(result.output)\nstderr: \(result.error)")
    }

    @Test("2: a job was cancelled and none failed")
    func cancelled() async throws {
        let result = try await run(["bjb-done-1", "bjb-canc"])
        #expect(result.status == 2, "stdout: \(result.output)\nstderr: \(result.error)")
    }

    /// The demo's v2 batches that ended before the server started (IDs are fixed by the demo's seed).
    static let completedBatch = "bat-92366c0"
    static let cancelledBatch = "bat-6f402b6"

    @Test("v2 batches: a completed batch with failed files is 0 (1 with --fail-on-items); a cancelled one is 2")
    func batches() async throws {
        let completed = try await run(["--format", "jsonl", Self.completedBatch], scenario: .demo())
        #expect(completed.status == 0, "stdout: \(completed.output)\nstderr: \(completed.error)")
        let finished = try #require(completed.lines.first { $0.contains("job_finished") && $0.contains(Self.completedBatch) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(finished.utf8)) as? [String: Any])
        let job = try #require(object["job"] as? [String: Any])
        #expect(job["api"] as? String == "v2")
        let batch = try #require(job["batch"] as? [String: Any])
        #expect(batch["files_total"] as? Int == 40)
        #expect((batch["failed"] as? Int ?? 0) > 0)
        let strict = try await run(["--fail-on-items", Self.completedBatch], scenario: .demo())
        #expect(strict.status == 1, "\(strict.output)")
        let cancelled = try await run([Self.completedBatch, Self.cancelledBatch], scenario: .demo())
        #expect(cancelled.status == 2, "\(cancelled.output)")
        #expect(cancelled.output.contains("\(Self.cancelledBatch) parse cancelled"), "\(cancelled.output)")
    }

    @Test("3: --timeout-total reached while a job runs; heartbeats keep the output alive meanwhile")
    func timeout() async throws {
        let started = Date()
        let result = try await run(["--timeout-total", "2", "--heartbeat", "0.5", "bjb-run"])
        #expect(result.status == 3, "stdout: \(result.output)\nstderr: \(result.error)")
        #expect(Date().timeIntervalSince(started) >= 2)
        #expect(result.lines.contains { $0.contains("still watching: 1 job: 1 running") }, "\(result.output)")
        #expect(result.lines.last?.contains("(exit 3)") == true)
    }

    @Test("4: the key is rejected")
    func keyRejected() async throws {
        let result = try await run(["bjb-done-1"], key: "wrong-key")
        #expect(result.status == 4, "stdout: \(result.output)\nstderr: \(result.error)")
        #expect(result.error.contains("401"))
        #expect(!result.output.contains(Self.key) && !result.error.contains(Self.key))
    }

    @Test("5: a watched job is not found")
    func unknownJob() async throws {
        let result = try await run(["bjb-done-1", "bjb-does-not-exist"])
        #expect(result.status == 5, "stdout: \(result.output)\nstderr: \(result.error)")
        #expect(result.output.contains("bjb-does-not-exist"))
    }

    @Test("6: gave up after --max-api-errors failed polls in a row")
    func givesUp() async throws {
        let failures = Array(repeating: MockFault.respond(status: 503, body: #"{"detail":"down"}"#), count: 40)
        let result = try await run(["--max-api-errors", "2", "bjb-run"], faults: failures)
        #expect(result.status == 6, "stdout: \(result.output)\nstderr: \(result.error)")
        #expect(result.output.contains("API trouble"))
    }

    @Test("moving jobs: pending → running, 10 % steps, a failed item, completed; one line per change, exit 0")
    func liveTransitions() async throws {
        let result = try await run(["bjb-outcome-completes", "bjb-outcome-late"], scenario: .outcomes)
        #expect(result.status == 0, "stdout: \(result.output)\nstderr: \(result.error)")
        let late = result.lines.filter { $0.contains("bjb-outcome-late") }
        #expect(late.contains { $0.contains("(pending → running") }, "\(result.output)")
        #expect(late.contains { $0.contains("finished bjb-outcome-late") && $0.contains("running → completed") }, "\(result.output)")
        let completes = result.lines.filter { $0.contains("bjb-outcome-completes") }
        #expect(completes.contains { $0.contains("failed items 0 → 1") }, "\(result.output)")
        #expect(completes.contains { $0.contains("progress") && $0.contains("%") }, "\(result.output)")
        // One line per change, not per poll: at most a first sight, 10 steps, a status or two and the failed item.
        #expect(completes.count <= 14, "\(result.output)")
    }

    @Test("moving jobs: one fails while the other completes later (1); one is cancelled (2)")
    func liveOutcomes() async throws {
        let failed = try await run(["bjb-outcome-completes", "bjb-outcome-fails"], scenario: .outcomes)
        #expect(failed.status == 1, "stdout: \(failed.output)\nstderr: \(failed.error)")
        #expect(failed.lines.contains { $0.contains("finished bjb-outcome-completes") }, "waited for the other job: \(failed.output)")
        let cancelled = try await run(["bjb-outcome-completes", "bjb-outcome-cancelled"], scenario: .outcomes)
        #expect(cancelled.status == 2, "stdout: \(cancelled.output)\nstderr: \(cancelled.error)")
        #expect(cancelled.output.contains("running → cancelled"), "\(cancelled.output)")
    }

    @Test("--format jsonl on moving jobs: every line matches the schema; status changes carry from and to")
    func jsonlLive() async throws {
        let schema = try JSONLSchema.load()
        let result = try await run(
            ["--format", "jsonl", "bjb-outcome-completes", "bjb-outcome-fails", "bjb-outcome-cancelled", "bjb-outcome-late"],
            scenario: .outcomes)
        #expect(result.status == 1, "stdout: \(result.output)\nstderr: \(result.error)")
        for line in result.lines {
            let problems = schema.problems(of: line)
            #expect(problems.isEmpty, "\(problems) in \(line)")
        }
        let changes = result.lines.compactMap { line -> [[String: Any]]? in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["changes"] as? [[String: Any]]
        }.flatMap { $0 }
        #expect(changes.contains { $0["change"] as? String == "status" && $0["from"] as? String == "pending" && $0["to"] as? String == "running" })
        #expect(changes.contains { $0["change"] as? String == "status" && $0["to"] as? String == "failed" })
        #expect(changes.contains { $0["change"] as? String == "failed_items" })
        #expect(changes.contains { $0["change"] as? String == "progress" && ($0["to"] as? Int).map { $0 % 10 == 0 } == true })
    }

    @Test("discovery filters: --status completed watches the completed jobs and exits 0")
    func discovery() async throws {
        let result = try await run(["--status", "completed"])
        #expect(result.status == 0, "stdout: \(result.output)\nstderr: \(result.error)")
        #expect(result.output.contains("bjb-done-1") && result.output.contains("bjb-done-items"))
        #expect(!result.output.contains("bjb-run"))
    }

    @Test("--format jsonl: every line parses and matches docs/jsonl-events.md; every event kind shows up")
    func jsonl() async throws {
        let schema = try JSONLSchema.load()
        // The first cycle's three status calls fail with every retry (3 × 3 answers): an api_error, then recovery.
        let failures = Array(repeating: MockFault.respond(status: 503, body: #"{"detail":"down"}"#), count: 9)
        let result = try await run(
            ["--format", "jsonl", "--timeout-total", "5", "--heartbeat", "1", "bjb-done-1", "bjb-fail", "bjb-run"],
            faults: failures)
        #expect(result.status == 3, "stdout: \(result.output)\nstderr: \(result.error)")
        #expect(!result.lines.isEmpty)
        for line in result.lines {
            let problems = schema.problems(of: line)
            #expect(problems.isEmpty, "\(problems) in \(line)")
        }
        let events = result.lines.compactMap { line -> [String: Any]? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        let kinds = events.compactMap { $0["event"] as? String }
        for kind in ["job_changed", "job_finished", "api_error", "api_recovered", "heartbeat", "done"] {
            #expect(kinds.contains(kind), "no \(kind) in \(kinds)")
        }
        #expect(kinds.last == "done")
        #expect((events.last?["exit_code"] as? Int) == 3)
        let failed = events.first { ($0["job"] as? [String: Any])?["id"] as? String == "bjb-fail" }
        // JSON keeps the server's exact text (the escape is JSON-escaped, not replaced).
        #expect((failed?["job"] as? [String: Any])?["error_message"] as? String == "Worker crashed \u{1B}[31mred\u{1B}[0m")
    }

    @Test(
        "bad flags are refused with a message naming them",
        arguments: [
            (["--until-done", "--heartbeat", "-1"], "--heartbeat"), (["--until-done", "--heartbeat=-1"], "between 0"), (["--format", "jsonl"], "--until-done"),
            (["--until-done", "--timeout-total", "0"], "--timeout-total"), (["--until-done", "--max-api-errors", "0"], "--max-api-errors"),
            (["--fail-fast"], "--until-done"), (["--once", "--format", "line"], "--until-done"),
            (["--until-done", "--format", "json"], "--once"),
            (["--created-after", "yesterday"], "--created-after"), (["--api", "v3"], "--api"),
        ])
    func badFlags(_ arguments: [String], mentions option: String) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["LLAMA_CLOUD_API_KEY"] = "unused"
        let result = try Shell.execute(Product.batchtop, arguments, environment: environment)
        #expect(result.status != 0)
        #expect(result.error.contains(option), "stderr: \(result.error)")
    }
}
