import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// The snapshot is built incrementally (jobs reused from the last snapshot, only written or unfinished jobs redone,
/// the publication signature a version counter, listing page counts maintained per key). Each test replays cycles
/// with adds, changes, finishes, failures and removals and compares with the same values computed from scratch.
@Suite("Incremental snapshots")
struct IncrementalSnapshotTests {
    /// The jobs a snapshot taken at `snapshot.takenAt` holds when built from scratch from the poller's state: every
    /// job in display order, its metrics computed afresh, fresh unfinished jobs vouched for when `vouching`.
    private func fromScratch(_ poller: Poller, _ snapshot: Snapshot, vouching: Bool) async -> [TrackedJob] {
        let order = await poller.order
        let table = await poller.tracked
        let tracker = await poller.metricsTracker
        let vouch = snapshot.takenAt.addingTimeInterval(await poller.freshWindow)
        return order.compactMap { slot in
            guard var job = table[slot: Int(slot)] else { return nil }
            if vouching, job.fetchError == nil, job.fetchedAt != nil, !job.isVanished, !job.job.status.isTerminal {
                job.freshUntil = vouch
            }
            let history = table.history(slot: Int(slot))
            job.metrics = tracker.metrics(
                for: job.job, at: snapshot.takenAt, pollInterval: snapshot.interval, cached: history)
            return job
        }
    }

    /// The pages a listing would take, counted over every job (what `pagesToList` did before it kept counts).
    private func pagesByScan(_ poller: Poller, _ queries: [JobListQuery]) async -> Int {
        let live = await poller.tracked.values.filter { !$0.isVanished && $0.job.api == .v1 }.map(\.job)
        return queries.reduce(0) { total, query in
            let count = live.reduce(0) { $0 + (Poller.covers(query, $1) ? 1 : 0) }
            return total + max(1, (count + PollerConfiguration.pageSize - 1) / PollerConfiguration.pageSize)
        }
    }

    @Test("after cycles with adds, changes, finishes, a failure and removals, each snapshot equals one built from scratch")
    func incrementalEqualsFromScratch() async throws {
        let clock = ManualNow()
        var jobs = fleet(40, finished: 15)
        let api = FakeBatchAPI(jobs: jobs)
        let configuration = PollerConfiguration(interval: 2, fullScanEvery: 3, vanishedRetention: 5)
        let poller = Poller(api: api, configuration: configuration, now: { clock.date })
        var previous = await poller.pollOnce()
        #expect(previous.jobs.array == (await fromScratch(poller, previous, vouching: true)))
        for step in 1...24 {
            clock.advance(2)
            // Progress on a third of the running jobs.
            for index in jobs.indices where jobs[index].status == "running" && (index + step) % 3 == 0 {
                jobs[index].processedItems = min(jobs[index].totalItems, (jobs[index].processedItems ?? 0) + 1)
            }
            if step % 4 == 0 { jobs.insert(wireJob("bjb-new-\(step)", processed: 1), at: 0) }
            if step % 5 == 0, let running = jobs.firstIndex(where: { $0.status == "running" }) {
                jobs[running].status = "completed"
                jobs[running].processedItems = jobs[running].totalItems
            }
            if step == 7 { jobs.removeAll { $0.id == "bjb-0039" } }  // finished: vanishes on the next full scan
            if step == 9 { jobs.removeAll { $0.id == "bjb-0003" } }  // running: its status call answers 404
            api.setJobs(jobs)
            let failing = step == 11
            api.setListFailure(failing ? .server(status: 503, detail: nil) : nil)
            let snapshot = await poller.pollOnce()
            let expected = await fromScratch(poller, snapshot, vouching: !failing)
            #expect(snapshot.jobs.map(\.id) == expected.map(\.id), "order at step \(step)")
            #expect(snapshot.jobs.array == expected, "jobs at step \(step)")
            for query in [configuration.discoveryQueries, configuration.activeQueries] {
                #expect(await poller.pagesToList(query) == (await pagesByScan(poller, query)), "pages at step \(step)")
            }
            // A finished job that did not change is the very same storage as in the last snapshot.
            let before = Dictionary(previous.jobs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for job in snapshot.jobs where job.job.status.isTerminal && !job.isVanished && !failing {
                if let old = before[job.id], old.job == job.job, old.fetchError == nil, !old.isVanished {
                    #expect(job.sharesStorage(with: old), "\(job.id) rebuilt at step \(step)")
                }
            }
            previous = snapshot
        }
        #expect(!previous.jobs.contains { $0.id == "bjb-0039" || $0.id == "bjb-0003" }, "pruned after the retention")
        #expect(previous.jobs.contains { $0.id == "bjb-new-24" })
    }

    @Test("an unchanged cycle publishes nothing; one changed job deep in the list publishes")
    func versionSignature() async throws {
        let clock = ManualNow()
        var jobs = fleet(300, finished: 299)
        let api = FakeBatchAPI(jobs: jobs)
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: { clock.date })
        await poller.pollOnce()
        let first = await poller.publication.count
        clock.advance(2)
        await poller.pollOnce()
        #expect(await poller.publication.count == first, "nothing changed")
        jobs[250].errorMessage = "late note"
        api.setJobs(jobs)
        clock.advance(2)
        let snapshot = await poller.pollOnce()
        #expect(await poller.publication.count == first + 1, "a finished job's data changed")
        #expect(snapshot.jobs.first { $0.id == "bjb-0250" }?.job.errorMessage == "late note")
    }

    @Test("metrics redone only for written or unfinished jobs equal metrics computed for every job")
    func metricsOfUnchangedJobs() async throws {
        let clock = ManualNow()
        var jobs = fleet(50, finished: 25)
        let api = FakeBatchAPI(jobs: jobs)
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: { clock.date })
        for step in 0..<40 {
            clock.advance(step % 7 == 0 ? 31 : 2)  // long gaps make samples due and rates decay
            for index in jobs.indices where jobs[index].status == "running" && index % (step % 5 + 2) == 0 {
                jobs[index].processedItems = min(jobs[index].totalItems, (jobs[index].processedItems ?? 0) + 1)
            }
            api.setJobs(jobs)
            let snapshot = await poller.pollOnce()
            let tracker = await poller.metricsTracker
            let table = await poller.tracked
            for job in snapshot.jobs {
                let history = table.slot(of: job.id).flatMap { table.history(slot: $0) }
                let full = tracker.metrics(
                    for: job.job, at: snapshot.takenAt, pollInterval: snapshot.interval, cached: history)
                #expect(job.metrics == full, "\(job.id) at step \(step)")
            }
        }
    }
}
