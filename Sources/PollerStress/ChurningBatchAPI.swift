import FoundationEssentials
import LlamaCloud

/// An in-memory `BatchAPI` whose jobs keep changing: jobs start, progress, finish (completed, failed, cancelled),
/// vanish and are replaced by new ones each time `advance()` is called, and a seeded share of calls fails.
///
/// Every job's type and item total are a pure function of its ID (`expectedTotal(for:)`, `expectedType(for:)`),
/// so a poller that paired a response with the wrong ID, or kept corrupted data, is caught by comparing them.
public final class ChurningBatchAPI: BatchAPI {
    /// Calls received, by kind.
    public struct CallCounts: Sendable, Equatable {
        /// List calls.
        public var list = 0
        /// Status calls.
        public var status = 0
        /// Calls answered with an injected fault.
        public var faults = 0
    }

    private struct World {
        var jobs: [String: BatchJob] = [:]
        /// Job IDs, newest first (the listing order).
        var order: [String] = []
        var nextSerial = 0
        var random: UInt64
        var counts = CallCounts()
        var advances = 0
    }

    private let world: Locked<World>
    private let faultRate: Double
    private let yieldsPerCall: Int

    /// Creates `jobs` jobs in a mix of states. `faultRate` (0…1) of calls fail with a 5xx, a 429 or a timeout;
    /// each call yields `yieldsPerCall` times so that concurrent calls interleave.
    public init(jobs: Int, faultRate: Double = 0, seed: UInt64 = 1, yieldsPerCall: Int = 1) {
        self.faultRate = min(1, max(0, faultRate))
        self.yieldsPerCall = max(0, yieldsPerCall)
        var world = World(random: seed | 1)
        for _ in 0..<max(0, jobs) {
            let job = Self.makeJob(serial: world.nextSerial, random: &world.random)
            world.nextSerial += 1
            world.jobs[job.id] = job
            world.order.append(job.id)
        }
        self.world = Locked(world)
    }

    /// The item total every job with this ID has (derived from the ID alone).
    public static func expectedTotal(for id: String) -> Int {
        guard let serial = serial(of: id) else { return -1 }
        return 10 + serial % 991
    }

    /// The job type every job with this ID has (derived from the ID alone).
    public static func expectedType(for id: String) -> String {
        guard let serial = serial(of: id) else { return "?" }
        return ["parse", "extract", "classify"][serial % 3]
    }

    /// The ID of the job with this serial number.
    public static func id(serial: Int) -> String { "bjb-stress-\(serial)" }

    /// Calls received so far.
    public var counts: CallCounts { world.withLock { $0.counts } }

    /// The IDs the server holds now, newest first.
    public var ids: [String] { world.withLock { $0.order } }

    /// One step of the simulation: pending jobs start, running jobs progress, about one in twenty running jobs
    /// finishes, and about one in a hundred finished jobs vanishes and is replaced by a new pending job.
    public func advance() {
        world.withLock { world in
            world.advances += 1
            var replaced: [String] = []
            for id in world.order {
                guard var job = world.jobs[id] else { continue }
                let roll = Self.next(&world.random) % 1000
                switch job.status {
                case "pending":
                    if roll < 300 { job.status = "running" }
                case "running":
                    let processed = min(job.totalItems, (job.processedItems ?? 0) + 1 + Int(roll % 7))
                    job.processedItems = processed
                    job.failedItems = processed / 25
                    if roll < 50 || processed == job.totalItems {
                        job.status = roll < 15 ? "failed" : (roll < 20 ? "cancelled" : "completed")
                        if job.status == "failed" { job.errorMessage = "Worker crashed (stress \(world.advances))" }
                    }
                default:
                    if roll < 10 { replaced.append(id) }
                }
                world.jobs[id] = job
            }
            for id in replaced {
                world.jobs[id] = nil
                world.order.removeAll { $0 == id }
                let job = Self.makeJob(serial: world.nextSerial, random: &world.random, fresh: true)
                world.nextSerial += 1
                world.jobs[job.id] = job
                world.order.insert(job.id, at: 0)
            }
        }
    }

    /// One page of jobs, filtered by status and type.
    public func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        await interleave()
        let outcome: Result<JobListPage, BatchAPIError> = world.withLock { world in
            world.counts.list += 1
            if let fault = fault(&world) { return .failure(fault) }
            let matching = world.order.compactMap { world.jobs[$0] }.filter { job in
                (query.status.map { $0 == job.status } ?? true) && (query.jobType.map { $0 == job.jobType } ?? true)
            }
            let page = Array(matching.dropFirst(max(0, query.offset)).prefix(max(0, query.limit)))
            return .success(JobListPage(items: page, totalSize: matching.count))
        }
        return try outcome.get()
    }

    /// One job's status, or 404 for a job that vanished (or never existed).
    public func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse {
        await interleave()
        let outcome: Result<JobStatusResponse, BatchAPIError> = world.withLock { world in
            world.counts.status += 1
            if let fault = fault(&world) { return .failure(fault) }
            guard let job = world.jobs[id] else { return .failure(.notFound(detail: "Batch job not found")) }
            return .success(JobStatusResponse(job: job, progressPercentage: JobStatusResponse.derivedPercentage(of: job)))
        }
        return try outcome.get()
    }

    /// Refused: the stress runs never cancel.
    public func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse {
        throw .http(status: 400, detail: "not supported by the stress API")
    }

    /// No items: the stress runs never open a job.
    public func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage {
        ItemsPage(items: [], totalSize: 0)
    }

    private func interleave() async {
        for _ in 0..<yieldsPerCall { await Task.yield() }
    }

    private func fault(_ world: inout World) -> BatchAPIError? {
        guard faultRate > 0 else { return nil }
        let roll = Double(Self.next(&world.random) % 1_000_000) / 1_000_000
        guard roll < faultRate else { return nil }
        world.counts.faults += 1
        switch Self.next(&world.random) % 3 {
        case 0: return .server(status: 503, detail: "stress fault")
        case 1: return .rateLimited(retryAfter: 0, detail: "stress fault")
        default: return .timeout
        }
    }

    private static func makeJob(serial: Int, random: inout UInt64, fresh: Bool = false) -> BatchJob {
        let id = id(serial: serial)
        let total = expectedTotal(for: id)
        let roll = fresh ? 0 : next(&random) % 10
        let status = roll < 3 ? "pending" : (roll < 7 ? "running" : (roll < 9 ? "completed" : "failed"))
        let processed = status == "pending" ? 0 : (status == "running" ? Int(next(&random) % UInt64(total)) : total)
        return BatchJob(
            id: id, jobType: expectedType(for: id), projectID: "proj-stress", status: status, totalItems: total,
            processedItems: processed, failedItems: processed / 25, skippedItems: 0,
            createdAt: Date(timeIntervalSince1970: 1_790_000_000 + Double(serial)))
    }

    private static func serial(of id: String) -> Int? {
        guard id.hasPrefix("bjb-stress-") else { return nil }
        return Int(id.dropFirst("bjb-stress-".count))
    }

    /// SplitMix64: a small, fast, seeded generator (the same sequence on every run).
    private static func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
