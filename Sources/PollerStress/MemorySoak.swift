import FoundationEssentials
import JobMonitor
import LlamaCloud

/// A long discovery run on a simulated clock, reporting the resident memory as it goes: the poller alone, with no
/// terminal and no network, so growth that shows here is the poller's. One cycle is one simulated second.
public enum MemorySoak {
    /// One reading.
    public struct Reading: Sendable {
        /// Cycles run so far.
        public var cycle: Int
        /// Jobs in the snapshot.
        public var jobs: Int
        /// Resident set size in kB (0 where /proc is missing).
        public var residentKilobytes: Int
    }

    /// Runs `cycles` discovery cycles over a project of `jobs` churning jobs, reading memory every `every` cycles.
    public static func run(jobs: Int, cycles: Int, every: Int = 100, report: @Sendable (Reading) -> Void) async {
        let api = ChurningBatchAPI(jobs: jobs, faultRate: 0.02, seed: 17, yieldsPerCall: 0)
        let clock = SimulatedClock()
        let poller = Poller(
            api: StressScenarios.retrying(api),
            configuration: PollerConfiguration(interval: 1, maxConcurrentRequests: 8, vanishedRetention: 300),
            now: { clock.now })
        for cycle in 1...max(1, cycles) {
            api.advance()
            clock.advance(seconds: 1)
            let snapshot = await poller.pollOnce()
            if cycle % max(1, every) == 0 {
                report(Reading(cycle: cycle, jobs: snapshot.jobs.count, residentKilobytes: residentKilobytes()))
            }
        }
    }

    /// This process's resident set size in kB, from /proc/self/status.
    public static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    }
}

/// A clock that moves only when told to.
final class SimulatedClock: Sendable {
    private let value = Locked(Date(timeIntervalSince1970: 1_800_000_000))

    /// The simulated time.
    var now: Date { value.withLock { $0 } }

    /// Moves the clock forward.
    func advance(seconds: TimeInterval) { value.withLock { $0 += seconds } }
}
