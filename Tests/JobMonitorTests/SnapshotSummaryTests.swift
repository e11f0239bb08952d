import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// The header's totals travel with each snapshot (`Snapshot.summary`): the poller keeps them as it replaces each
/// changed job (`PublishedJobs`, `AggregateTally`) instead of the dashboard walking every job of every snapshot. Kept
/// totals that drift from the jobs would show wrong counts in the header, so each test compares them with the totals
/// worked out from the snapshot's jobs.
@Suite("Snapshot summaries kept by the poller")
struct SnapshotSummaryTests {
    /// Collects every snapshot the poller publishes, progressive ones included.
    private final class Received: Sendable {
        private let snapshots = Locked<[Snapshot]>([])
        func append(_ snapshot: Snapshot) { snapshots.withLock { $0.append(snapshot) } }
        var all: [Snapshot] { snapshots.withLock { $0 } }
    }

    /// A job whose share of the totals is set by its arguments (`status` of any kind, counts, rate, flags).
    private func tracked(
        _ index: Int, status: JobStatus, processed: Int?, total: Int, throughput: Double?, stalled: Bool,
        vanished: Bool
    ) -> TrackedJob {
        TrackedJob(
            job: metricsJob("j\(index)", status: status, processed: processed, total: total), fetchedAt: at(0),
            isVanished: vanished, metrics: JobMetrics(throughput: throughput, isStalled: stalled))
    }

    @Test("taking jobs out of a tally leaves exactly the tally of the others, whatever their statuses, counts and rates")
    func tallyTakesSharesOutExactly() {
        var generator = SeededGenerator(state: 0x5EED_7A11)
        let statuses: [JobStatus] = [
            .running, .dispatched, .pending, .throttled, .completed, .failed, .cancelled, .other("paused"),
            .other("PAUSED"),
        ]
        let rates: [Double?] = [nil, 0, 0.1, 2.5, 1e-9, 3.3e38, -4, .nan, .infinity]
        let counts = [0, 1, 7, 1_000_000, Int.max]
        for round in 0..<40 {
            let jobs = (0..<(round * 5 + 1)).map { index in
                tracked(
                    index, status: statuses.randomElement(using: &generator) ?? .running,
                    processed: Bool.random(using: &generator) ? counts.randomElement(using: &generator) : nil,
                    total: counts.randomElement(using: &generator) ?? 0,
                    throughput: rates.randomElement(using: &generator) ?? nil,
                    stalled: Bool.random(using: &generator), vanished: Int.random(in: 0..<5, using: &generator) == 0)
            }
            var tally = AggregateTally(jobs)
            var kept = Array(jobs.indices)
            kept.shuffle(using: &generator)
            let removed = kept.prefix(kept.count / 2)
            for index in removed { tally.remove(jobs[index]) }
            let rest = jobs.indices.filter { !removed.contains($0) }.map { jobs[$0] }
            #expect(tally == AggregateTally(rest), "round \(round)")
            #expect(tally.metrics == AggregateTally(rest).metrics, "round \(round)")
            // Replacing every job left by another gives the tally of the replacements.
            let replacements = rest.map { job in
                var job = job
                job.isVanished.toggle()
                return job
            }
            // The same replacements as tallies of changes, worked out apart in blocks (as on two threads) and added
            // in a shuffled order.
            var blocks: [AggregateTally] = []
            for start in stride(from: 0, to: rest.count, by: 3) {
                var change = AggregateTally()
                for index in start..<min(rest.count, start + 3) {
                    change.replace(rest[index], with: replacements[index])
                }
                blocks.append(change)
            }
            blocks.shuffle(using: &generator)
            var changed = tally
            for block in blocks { changed.add(block) }
            for (old, new) in zip(rest, replacements) { tally.replace(old, with: new) }
            #expect(tally == AggregateTally(replacements), "round \(round), replaced")
            #expect(changed == tally, "round \(round), tallies of changes added")
        }
    }

    @Test("fixed-point rates: the overall rate is the sum of the rates to a millionth of an item per second")
    func overallRatePrecision() {
        let rates = [0.1, 0.2, 1.0 / 3, 2.5, 1234.5678]
        let jobs = rates.enumerated().map { index, rate in
            tracked(index, status: .running, processed: 1, total: 2, throughput: rate, stalled: false, vanished: false)
        }
        let overall = AggregateMetrics.compute(from: jobs).overallRate
        // The rates as a job keeps them (to a `Float`'s precision).
        let kept = jobs.map { $0.metrics.throughput ?? 0 }
        #expect(abs((overall ?? 0) - kept.reduce(0, +)) < Double(rates.count) / AggregateTally.rateScale)
    }

    @Test(
        "every snapshot the poller publishes carries the totals of its jobs, through adds, changes, finishes, failures and removals, whether or not a second thread shares the work",
        arguments: [Int.max, 1])
    func publishedSnapshotsCarryTheirTotals(sharedWorkMinimum: Int) async throws {
        let clock = ManualNow()
        var jobs = fleet(1_000, finished: 300)
        let api = FakeBatchAPI(jobs: jobs)
        var configuration = PollerConfiguration(
            interval: 2, maxConcurrentRequests: 1, fullScanEvery: 3, vanishedRetention: 5)
        // Snapshots published as the listing pages in (`publishProgress`): a fifth of the jobs at a time.
        configuration.progressivePublishMinimum = 100
        configuration.progressivePublishShare = 0.2
        configuration.sharedWorkMinimum = sharedWorkMinimum
        let poller = Poller(api: api, configuration: configuration, now: { clock.date })
        let received = Received()
        let consumer = Task {
            for await snapshot in poller.snapshots { received.append(snapshot) }
        }
        var returned: [Snapshot] = [await poller.pollOnce()]
        for step in 1...16 {
            clock.advance(2)
            for index in jobs.indices where jobs[index].status == "running" && (index + step) % 2 == 0 {
                jobs[index].processedItems = min(jobs[index].totalItems, (jobs[index].processedItems ?? 0) + 1)
            }
            if step % 4 == 0 { jobs.insert(wireJob("bjb-new-\(step)", processed: 1), at: 0) }
            if step % 3 == 0, let running = jobs.firstIndex(where: { $0.status == "running" }) {
                jobs[running].status = step % 2 == 0 ? "failed" : "paused"
            }
            if step == 5 { jobs.removeAll { $0.id == "bjb-0999" || $0.id == "bjb-0500" } }
            api.setJobs(jobs)
            api.setListFailure(step == 9 ? .server(status: 503, detail: nil) : nil)
            returned.append(await poller.pollOnce())
            // The poller's own totals, between cycles.
            let published = await poller.published
            #expect(published.tally == AggregateTally(published.jobs), "step \(step)")
        }
        #expect(await poller.publication.progressCount > 0, "some snapshots were published as the listing paged in")
        consumer.cancel()
        for (index, snapshot) in (returned + received.all).enumerated() {
            // A local, so that a failure does not print the whole snapshot.
            let kept = snapshot.hasKeptSummary
            #expect(kept, "snapshot \(index) was published without its totals")
            #expect(snapshot.summary == AggregateMetrics.compute(from: snapshot.jobs), "snapshot \(index)")
        }
        let last = try #require(returned.last)
        #expect(last.summary.countsByStatus[.failed] != nil && last.summary.countsByStatus[.other("paused")] != nil)
        #expect(!last.jobs.contains { $0.id == "bjb-0999" }, "pruned after the retention")
    }

    @Test("a snapshot whose jobs are changed lets go of its kept totals and works them out from its jobs")
    func changedJobsDropTheKeptTotals() async throws {
        let api = FakeBatchAPI(jobs: fleet(20, finished: 5))
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2))
        var snapshot = await poller.pollOnce()
        #expect(snapshot.hasKeptSummary)
        let before = snapshot.summary
        var job = snapshot.jobs[0]
        job.isVanished = true
        snapshot.jobs[0] = job
        #expect(!snapshot.hasKeptSummary)
        #expect(snapshot.summary == AggregateMetrics.compute(from: snapshot.jobs))
        #expect(snapshot.summary.activeJobs == before.activeJobs - 1)
        snapshot.keepSummary()
        #expect(snapshot.hasKeptSummary)
    }

    @Test("snapshots compare every field but the kept totals")
    func equalityIgnoresTheKeptTotals() async throws {
        let poller = Poller(api: FakeBatchAPI(jobs: fleet(10)), configuration: PollerConfiguration(interval: 2))
        let kept = await poller.pollOnce()
        var plain = kept
        plain.jobs = kept.jobs
        #expect(kept.hasKeptSummary && !plain.hasKeptSummary)
        #expect(kept == plain)
        #expect(kept.rowOrderVersion != nil && plain.rowOrderVersion == nil, "changing the jobs drops the version")
        // `==` is written out: a stored field added to `Snapshot` must be added to it (and to this list).
        let fields = Mirror(reflecting: kept).children.compactMap(\.label)
        #expect(
            fields == [
                "jobs", "health", "takenAt", "interval", "cycle", "liveAPIs", "loading", "idleInterval", "rowOrderVersion",
                "keptSummary",
            ])
        var other = kept
        other.cycle += 1
        #expect(other != kept)
    }
}
