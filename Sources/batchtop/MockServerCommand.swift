#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Dispatch
import FoundationEssentials
import TextTools
import MockCloud

/// `batchtop mock-server`: the mock backend alone, in the foreground, for scripts and the official SDKs.
struct MockServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-server",
        abstract: "Run the embedded mock LlamaCloud backend in the foreground (Ctrl-C stops it)."
    )

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 0

    @Option(help: "Bearer token the server requires (a test value, not a real key).")
    var apiKey: String = "mock-key"

    @Option(
        help: """
            Scenario: demo; steady:N for N jobs that keep running (benchmarks); churn:N for about N jobs at any time \
            that keep arriving, finishing and leaving the listing (stress and soak runs); outcomes for four jobs that \
            complete, fail, are cancelled, or start late, all within about 4 s (--until-done scripts and tests); \
            finished:N for N completed jobs that never change (idle-cost measurements); \
            batches:N:F for N v2 batches of F files each (v2 only, N up to 100000, F up to 100000). Every scenario \
            serves both the v1 API and the v2 Batches API; demo also has eight v2 batches.
            """)
    var scenario: String = "demo"

    @Option(help: "Share of requests (0 to 1) answered with a random fault: 429, 500, 503, HTML 502, truncated body, 2 s delay.")
    var faultRate: Double = 0

    /// Checks the port range and the scenario.
    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !apiKey.isEmpty else { throw ValidationError("--api-key must not be empty") }
        guard faultRate.isFinite, (0...1).contains(faultRate) else {
            throw ValidationError("--fault-rate must be between 0 and 1 (e.g. 0.05 for one request in twenty)")
        }
        _ = try parsedScenario()
    }

    /// Starts the server, prints where it listens, and waits until interrupted.
    func run() async throws {
        let server = try await MockCloudServer.start(
            MockCloudConfiguration(apiKey: apiKey, port: port, scenario: try parsedScenario(), faultRate: faultRate))
        let banner = """
            MockCloud listening on \(server.baseURL)
              export LLAMA_CLOUD_BASE_URL=\(server.baseURL) LLAMA_CLOUD_API_KEY=\(apiKey)

            """
        TextOutput.standardOutput(banner)
        let signals = [SIGINT, SIGTERM, SIGHUP].map { signalNumber -> any DispatchSourceSignal in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { Task { await server.stop() } }
            source.resume()
            return source
        }
        await server.waitUntilStopped()
        signals.forEach { $0.cancel() }
    }

    private func parsedScenario() throws -> MockScenario {
        if scenario == "demo" { return .demo() }
        if scenario == "outcomes" { return .outcomes }
        if scenario.hasPrefix("steady:"), let count = Int(scenario.dropFirst("steady:".count)), (1...100_000).contains(count) {
            return .steady(runningJobs: count)
        }
        if scenario.hasPrefix("churn:"), let count = Int(scenario.dropFirst("churn:".count)), (1...100_000).contains(count) {
            return .churn(jobs: count)
        }
        if scenario.hasPrefix("finished:"), let count = Int(scenario.dropFirst("finished:".count)), (1...100_000).contains(count) {
            return .finished(jobs: count)
        }
        if scenario.hasPrefix("batches:") {
            let numbers = scenario.dropFirst("batches:".count).split(separator: ":", omittingEmptySubsequences: false)
            if numbers.count == 2, let count = Int(numbers[0]), let files = Int(numbers[1]), (1...100_000).contains(count),
                (1...100_000).contains(files)
            {
                return .batches(count: count, files: files)
            }
        }
        throw ValidationError(
            "--scenario must be 'demo', 'outcomes', 'steady:N', 'churn:N', 'finished:N' (N between 1 and 100000) or "
                + "'batches:N:F' (N batches of F files, each between 1 and 100000)")
    }
}
