import FoundationEssentials
import LlamaCloud

/// How to start a `MockCloudServer`: where to listen, the API key it accepts, what it simulates and its clock.
public struct MockCloudConfiguration: Sendable {
    /// The address to bind; by default loopback only.
    public var host: String
    /// The port to bind; 0 picks a free ephemeral port (read it back from `MockCloudServer.port`).
    public var port: Int
    /// The key every request must present as `Authorization: Bearer <apiKey>`.
    public var apiKey: String
    /// The data the server serves.
    public var scenario: MockScenario
    /// The simulation's clock; inject a controllable one in tests.
    public var now: @Sendable () -> Date
    /// Faults shown to the first requests, one each, in order (more can be added with `MockCloudServer.injectFaults`).
    public var faults: [MockFault]
    /// Share (0…1) of the other requests answered with a random fault: 429, 500, 503, an HTML 502, a truncated body
    /// or a 2 s delay (seeded: the same sequence every run).
    public var faultRate: Double

    /// Creates a configuration: loopback, an ephemeral port, the demo scenario, the system clock and no faults by default.
    public init(
        apiKey: String, host: String = "127.0.0.1", port: Int = 0, scenario: MockScenario = .demo(),
        now: @escaping @Sendable () -> Date = { Date() }, faults: [MockFault] = [], faultRate: Double = 0
    ) {
        self.apiKey = apiKey
        self.host = host
        self.port = port
        self.scenario = scenario
        self.now = now
        self.faults = faults
        self.faultRate = faultRate.isFinite ? min(1, max(0, faultRate)) : 0
    }
}

/// What a `MockCloudServer` serves.
public enum MockScenario: Sendable {
    /// About two dozen v1 jobs in every state that evolve with time, plus a new job about every 45 s, and eight v2
    /// batches showing every v2 case within 30 s (deterministic per seed).
    case demo(seed: UInt64 = 1)
    /// `runningJobs` jobs of 20,000 items that all stay `running` for hours at about one item per second (for benchmarks).
    case steady(runningJobs: Int)
    /// About `jobs` jobs at any moment that keep arriving, run for 20 s – 4 min, finish (some fail, a few are
    /// cancelled) and leave the listing 30 s – 2 min later (their status call then answers 404): churn for soak and
    /// stress runs (deterministic per seed).
    case churn(jobs: Int, seed: UInt64 = 1)
    /// Four jobs with fixed IDs (`ScenarioPlans.OutcomeID`) that end within about 4 s: one completes (with a failed
    /// item), one fails, one is cancelled, one stays pending for 3 s first (for `--until-done` tests and scripts).
    case outcomes
    /// v2 only: `batches` batches of `files` files each, one created every 15 s before the start (the newest still
    /// running), computed lazily per request; no v1 jobs (deterministic per seed).
    case batches(count: Int, files: Int, seed: UInt64 = 1)
    /// Exactly these jobs and items (keyed by job id), unchanged by time; only a cancel changes them.
    case fixed(jobs: [BatchJob], items: [String: [JobItem]])
}
