import FoundationEssentials
import JobMonitor
import LlamaCloud

/// The outcome of one stress scenario: what it checked, what was wrong, and how long it took.
public struct StressReport: Sendable {
    /// The scenario's name.
    public var name: String
    /// Every violated expectation (empty when the scenario passed).
    public var problems: [String]
    /// What the scenario did, in numbers.
    public var summary: String
    /// Wall-clock seconds.
    public var seconds: Double

    /// True when nothing was wrong.
    public var passed: Bool { problems.isEmpty }
}

/// Stress scenarios for every concurrent fan-out of the poller: thousands of inputs, more than the concurrency
/// limit, faults, churn and cancellation midway. They check results, not just survival. `batchtop-stress` runs them
/// on a release build (where the Swift 6.3.1 miscompile showed); the unit tests run them small on a debug build.
public enum StressScenarios {
    /// How big the scenarios are.
    public struct Scale: Sendable {
        /// Inputs of the fan-out scenarios.
        public var fanOutInputs: Int
        /// Rounds of the fan-out order scenario.
        public var fanOutRounds: Int
        /// Jobs of the discovery scenario.
        public var discoveryJobs: Int
        /// Poll cycles of the discovery scenario.
        public var discoveryCycles: Int
        /// Job IDs of the watch-list scenario.
        public var watchedJobs: Int
        /// Poll cycles of the watch-list scenario.
        public var watchCycles: Int
        /// Whether slowness counts as a failure (cancellation must take effect within seconds). Off for the unit
        /// tests: they run on a loaded debug or sanitizer build, and timing targets do not belong in them.
        public var checksTiming: Bool

        /// What CI runs on the release build: 10,000 jobs.
        public static let release = Scale(
            fanOutInputs: 10_000, fanOutRounds: 20, discoveryJobs: 10_000, discoveryCycles: 40, watchedJobs: 3_000,
            watchCycles: 40, checksTiming: true)
        /// Small enough for a debug unit test.
        public static let small = Scale(
            fanOutInputs: 2_000, fanOutRounds: 3, discoveryJobs: 1_000, discoveryCycles: 12, watchedJobs: 400,
            watchCycles: 10, checksTiming: false)

        /// Creates a scale.
        public init(
            fanOutInputs: Int, fanOutRounds: Int, discoveryJobs: Int, discoveryCycles: Int, watchedJobs: Int,
            watchCycles: Int, checksTiming: Bool
        ) {
            self.fanOutInputs = fanOutInputs
            self.fanOutRounds = fanOutRounds
            self.discoveryJobs = discoveryJobs
            self.discoveryCycles = discoveryCycles
            self.watchedJobs = watchedJobs
            self.watchCycles = watchCycles
            self.checksTiming = checksTiming
        }
    }

    /// Every scenario, in order.
    public static func all(_ scale: Scale) async -> [StressReport] {
        [
            await fanOutKeepsOrder(scale),
            await fanOutStopsOnCancellation(scale),
            await discoveryUnderChurn(scale),
            await watchListUnderChurn(scale),
            await pollerStopsOnCancellation(scale),
        ]
    }

    /// `boundedMap` over more inputs than its limit, with failures and uneven durations: every output lands in its
    /// input's slot, no more than `limit` run at once, and nothing is left out.
    public static func fanOutKeepsOrder(_ scale: Scale) async -> StressReport {
        await timed("boundedMap keeps input order (\(scale.fanOutInputs) inputs, limit 8)") {
            let inputs = (0..<scale.fanOutInputs).map { "bjb-fanout-\($0)" }
            let gauge = InFlightGauge()
            var problems: [String] = []
            for round in 0..<scale.fanOutRounds {
                let outputs = await boundedMap(inputs, limit: 8) { id in
                    await Self.echo(id, gauge: gauge)
                }
                problems += Self.mismatches(inputs: inputs, outputs: outputs, label: "round \(round)")
                if problems.count > 20 { break }
            }
            let most = gauge.most
            if most > 8 { problems.append("\(most) operations ran at once, limit 8") }
            if most < 2 { problems.append("operations never overlapped (at most \(most) at once)") }
            return (problems, "\(scale.fanOutRounds) rounds, at most \(most) at once")
        }
    }

    /// `boundedMap` cancelled midway: it returns soon, starts nothing after the cancellation, keeps one slot per
    /// input and the outputs it has in their right slots.
    public static func fanOutStopsOnCancellation(_ scale: Scale) async -> StressReport {
        await timed("boundedMap stops on cancellation (\(scale.fanOutInputs) inputs)") {
            let inputs = (0..<scale.fanOutInputs).map { "bjb-cancel-\($0)" }
            let gauge = InFlightGauge()
            let mapping = Task {
                await boundedMap(inputs, limit: 8) { id in
                    gauge.enter()
                    defer { gauge.leave() }
                    try? await Task.sleep(for: .milliseconds(1))
                    return Self.expected(for: id)
                }
            }
            try? await Task.sleep(for: .milliseconds(30))
            let cancelledAt = ContinuousClock.now
            mapping.cancel()
            let outputs = await mapping.value
            let afterCancel = ContinuousClock.now - cancelledAt
            var problems: [String] = []
            if outputs.count != inputs.count { problems.append("\(outputs.count) slots for \(inputs.count) inputs") }
            for (input, output) in zip(inputs, outputs) {
                if let output, output != Self.expected(for: input) {
                    problems.append("slot of \(input) holds \(output)")
                    break
                }
            }
            let done = outputs.compactMap { $0 }.count
            if done == inputs.count { problems.append("every input ran although the map was cancelled") }
            if gauge.started > done + 8 { problems.append("\(gauge.started) started but only \(done) delivered") }
            if scale.checksTiming, afterCancel > .seconds(2) { problems.append("took \(afterCancel) to return after cancellation") }
            return (problems, "\(done) of \(inputs.count) ran before the cancellation, returned \(afterCancel) after it")
        }
    }

    /// A discovery poller over a churning project with faults: its list fan-out pages through every job and its
    /// status fan-out follows every job that left the active listings; each job's data stays its own.
    public static func discoveryUnderChurn(_ scale: Scale) async -> StressReport {
        await timed("discovery under churn (\(scale.discoveryJobs) jobs, 5% faults)") {
            let api = ChurningBatchAPI(jobs: scale.discoveryJobs, faultRate: 0.05, seed: 7)
            let poller = Poller(
                api: Self.retrying(api),
                configuration: PollerConfiguration(interval: 1, maxConcurrentRequests: 8, fullScanEvery: 5))
            var problems: [String] = []
            var largest = 0
            for cycle in 0..<scale.discoveryCycles {
                api.advance()
                let snapshot = await poller.pollOnce()
                largest = max(largest, snapshot.jobs.count)
                problems += Self.corruption(in: snapshot, label: "cycle \(cycle)")
                if problems.count > 20 { break }
            }
            let counts = api.counts
            if counts.status == 0 { problems.append("no status call: the status fan-out was never exercised") }
            if largest < scale.discoveryJobs { problems.append("never saw all jobs: at most \(largest)") }
            return (
                problems,
                "\(counts.list) list calls, \(counts.status) status calls, \(counts.faults) faults, up to \(largest) jobs"
            )
        }
    }

    /// A watch-list poller over thousands of IDs (some unknown) with faults: every job's data stays its own.
    public static func watchListUnderChurn(_ scale: Scale) async -> StressReport {
        await timed("watch list under churn (\(scale.watchedJobs) IDs, 5% faults)") {
            let api = ChurningBatchAPI(jobs: scale.watchedJobs, faultRate: 0.05, seed: 11)
            let ids = api.ids + (0..<10).map { "bjb-unknown-\($0)" }
            let poller = Poller(
                api: Self.retrying(api), configuration: PollerConfiguration(jobIDs: ids, maxConcurrentRequests: 8))
            var problems: [String] = []
            var last: Snapshot?
            for cycle in 0..<scale.watchCycles {
                api.advance()
                let snapshot = await poller.pollOnce()
                problems += Self.corruption(in: snapshot, label: "cycle \(cycle)")
                if snapshot.jobs.count != ids.count {
                    problems.append("cycle \(cycle): \(snapshot.jobs.count) jobs for \(ids.count) IDs")
                }
                last = snapshot
                if problems.count > 20 { break }
            }
            let unknown = last?.jobs.filter { $0.id.hasPrefix("bjb-unknown-") && $0.isVanished }.count ?? 0
            if unknown != 10 { problems.append("\(unknown) of 10 unknown IDs marked vanished") }
            let counts = api.counts
            return (problems, "\(counts.status) status calls, \(counts.faults) faults")
        }
    }

    /// `Poller.run()` cancelled mid-cycle against a large project: the run ends and its stream finishes soon.
    public static func pollerStopsOnCancellation(_ scale: Scale) async -> StressReport {
        await timed("poller stops on cancellation mid-cycle (\(scale.discoveryJobs) jobs)") {
            let api = ChurningBatchAPI(jobs: scale.discoveryJobs, faultRate: 0.05, seed: 13, yieldsPerCall: 20)
            let poller = Poller(
                api: Self.retrying(api), configuration: PollerConfiguration(interval: 0.05, maxConcurrentRequests: 8))
            let running = Task { await poller.run() }
            let consumer = Task { () -> Int in
                var count = 0
                for await _ in poller.snapshots { count += 1 }
                return count
            }
            try? await Task.sleep(for: .milliseconds(300))
            let cancelledAt = ContinuousClock.now
            running.cancel()
            await running.value
            let snapshots = await consumer.value
            let afterCancel = ContinuousClock.now - cancelledAt
            var problems: [String] = []
            if scale.checksTiming, afterCancel > .seconds(3) { problems.append("run() took \(afterCancel) to end after cancellation") }
            if api.counts.list == 0 { problems.append("no list call before the cancellation") }
            return (problems, "\(api.counts.list) list calls, \(snapshots) snapshots, ended \(afterCancel) after cancel")
        }
    }

    /// `api` behind the retry decorator the dashboard uses, with millisecond waits so the runs stay short.
    public static func retrying(_ api: any BatchAPI) -> any BatchAPI {
        RetryingBatchAPI(api, policy: RetryPolicy(maxRetries: 2, initialDelay: 0.001, maxDelay: 0.002, maxRetryAfter: 0.002))
    }

    // MARK: - Checks

    /// Problems with a snapshot's jobs: duplicates, or data that does not belong to the ID it is filed under.
    public static func corruption(in snapshot: Snapshot, label: String) -> [String] {
        var problems: [String] = []
        var seen = Set<String>()
        for tracked in snapshot.jobs {
            if !seen.insert(tracked.id).inserted { problems.append("\(label): \(tracked.id) listed twice") }
            guard tracked.fetchedAt != nil, tracked.id.hasPrefix("bjb-stress-") else { continue }
            let expectedTotal = ChurningBatchAPI.expectedTotal(for: tracked.id)
            if tracked.job.totalItems != expectedTotal {
                problems.append("\(label): \(tracked.id) has \(tracked.job.totalItems) items, its own job has \(expectedTotal)")
            }
            if tracked.job.type.description != ChurningBatchAPI.expectedType(for: tracked.id) {
                problems.append("\(label): \(tracked.id) has type \(tracked.job.type.description)")
            }
            if problems.count > 20 { break }
        }
        return problems
    }

    private static func mismatches(inputs: [String], outputs: [Result<String, BatchAPIError>?], label: String) -> [String] {
        guard outputs.count == inputs.count else { return ["\(label): \(outputs.count) outputs for \(inputs.count) inputs"] }
        for (input, output) in zip(inputs, outputs) {
            guard let output else { return ["\(label): no output for \(input)"] }
            let wanted: Result<String, BatchAPIError> =
                input.hasSuffix("7") ? .failure(.notFound(detail: input)) : .success(expected(for: input))
            if output != wanted { return ["\(label): slot of \(input) holds \(output)"] }
        }
        return []
    }

    /// The fan-out operation: uneven suspension, a failure for every input ending in 7, the result built after the
    /// awaits (the shape `boundedMap` requires).
    private static func echo(_ id: String, gauge: InFlightGauge) async -> Result<String, BatchAPIError> {
        gauge.enter()
        defer { gauge.leave() }
        for _ in 0..<(id.utf8.last.map { Int($0) % 4 } ?? 0) { await Task.yield() }
        if id.hasSuffix("7") { return .failure(.notFound(detail: id)) }
        return .success(expected(for: id))
    }

    private static func expected(for id: String) -> String { "status of " + id }

    private static func timed(
        _ name: String, _ body: () async -> (problems: [String], summary: String)
    ) async -> StressReport {
        let start = ContinuousClock.now
        let (problems, summary) = await body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return StressReport(name: name, problems: problems, summary: summary, seconds: seconds)
    }
}

/// Counts operations in flight (and the most at once) across tasks.
final class InFlightGauge: Sendable {
    private struct State {
        var now = 0
        var most = 0
        var started = 0
    }

    private let state = Locked(State())

    /// An operation starts.
    func enter() {
        state.withLock { state in
            state.now += 1
            state.started += 1
            state.most = max(state.most, state.now)
        }
    }

    /// An operation ends.
    func leave() { state.withLock { $0.now -= 1 } }

    /// The most operations in flight at once so far.
    var most: Int { state.withLock { $0.most } }

    /// Operations started so far.
    var started: Int { state.withLock { $0.started } }
}
