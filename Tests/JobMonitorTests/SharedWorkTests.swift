import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// A cycle's per-job work that touches only that job (recording its sample, `HistoryRecorder`; working out its
/// metrics for a snapshot, `JobTable.refreshAll`) is shared with a second thread (`SharedLoop`). These tests hold the
/// shared runs to what one thread alone gives.
@Suite("Per-job work shared with a second thread")
struct SharedWorkTests {
    /// A poller over `api` that shares its per-job work from `minimum` jobs on, publishing while a listing pages in.
    private func poller(_ api: FakeBatchAPI, sharingFrom minimum: Int, clock: ManualNow) -> Poller {
        var configuration = PollerConfiguration(interval: 2, maxConcurrentRequests: 1, fullScanEvery: 3)
        configuration.progressivePublishMinimum = 100
        configuration.progressivePublishShare = 0.1
        configuration.sharedWorkMinimum = minimum
        return Poller(api: api, configuration: configuration, now: { clock.date })
    }

    /// What a snapshot shows of each job, the history's points and the samples recorded for it included.
    private struct Shown: Equatable, CustomStringConvertible {
        let job: Job
        let freshUntil: Date?
        let throughput: Double?
        let eta: TimeInterval?
        let elapsed: TimeInterval?
        let sinceLastProgress: TimeInterval?
        let isStalled: Bool
        let history: [Double]
        let samples: [ProgressSample]

        var description: String {
            "\(job.id) \(job.processedItems ?? -1) rate \(throughput ?? -1) \(samples.count) samples"
        }
    }

    /// What `snapshot` shows of each job, with the samples `poller` recorded for it.
    private func shown(_ snapshot: Snapshot, _ poller: Poller) async -> [Shown] {
        var result: [Shown] = []
        for tracked in snapshot.jobs {
            let metrics = tracked.metrics
            result.append(
                Shown(
                    job: tracked.job, freshUntil: tracked.freshUntil, throughput: metrics.throughput, eta: metrics.eta,
                    elapsed: metrics.elapsed, sinceLastProgress: metrics.sinceLastProgress,
                    isStalled: metrics.isStalled, history: metrics.history,
                    samples: await poller.samples(for: tracked.id)))
        }
        return result
    }

    @Test(
        "a poller that shares every cycle's per-job work with a second thread shows what one that never does shows: jobs, metrics, points and samples"
    )
    func sharedEqualsAlone() async throws {
        let clock = ManualNow()
        var jobs = fleet(3_000, finished: 400)
        for index in jobs.indices { jobs[index].totalItems = 1_000 }
        let sharedAPI = FakeBatchAPI(jobs: jobs)
        let aloneAPI = FakeBatchAPI(jobs: jobs)
        let shared = poller(sharedAPI, sharingFrom: 1, clock: clock)
        let alone = poller(aloneAPI, sharingFrom: .max, clock: clock)
        var generator = SeededGenerator(state: 7)
        for step in 0..<14 {
            if step > 0 {
                clock.advance(2)
                for index in jobs.indices where jobs[index].status == "running" {
                    switch Int.random(in: 0..<10, using: &generator) {
                    case 0: jobs[index].processedItems = 0  // counts going back: the history restarts
                    case 1...6:
                        let rise = Int.random(in: 1...40, using: &generator)
                        jobs[index].processedItems = min(1_000, (jobs[index].processedItems ?? 0) + rise)
                    case 7: jobs[index].status = step % 2 == 0 ? "completed" : "dispatched"
                    default: break  // unchanged: stalls once quiet long enough
                    }
                }
                if step % 3 == 0 { jobs.insert(wireJob("bjb-new-\(step)", processed: 1), at: 0) }
                sharedAPI.setJobs(jobs)
                aloneAPI.setJobs(jobs)
            }
            let fromShared = await shown(await shared.pollOnce(), shared)
            let fromAlone = await shown(await alone.pollOnce(), alone)
            try #require(fromShared.count == fromAlone.count, "step \(step)")
            let differing = zip(fromShared, fromAlone).filter { $0 != $1 }
            let first = differing.first.map { "\($0)" } ?? ""
            #expect(differing.isEmpty, "step \(step): \(differing.count) jobs differ, first \(first)")
            if step >= 2 { #expect(fromShared.contains { $0.samples.count > 2 }, "histories grew (step \(step))") }
        }
        #expect(await shared.publication.progressCount > 0, "snapshots published while listings paged in")
    }

    @Test(
        "a shared loop runs every index exactly once, in blocks, whatever the block size", arguments: [1, 7, 64, 5_000])
    func everyIndexOnce(blockSize: Int) {
        let count = 20_000
        let runs = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        runs.initialize(repeating: 0)
        defer { runs.deallocate() }
        let blocks = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        blocks.initialize(repeating: 0)
        defer { blocks.deallocate() }
        // Each index is written by the thread that claimed its block; read once the loop returned (not `#expect` on
        // the loop's thread, where no test is current).
        nonisolated(unsafe) let counters = runs
        nonisolated(unsafe) let sizes = blocks
        SharedLoop.run(count: count, blockSize: blockSize, minimumShared: 1) { block in
            for index in block {
                counters[index] += 1
                sizes[index] = block.count
            }
        }
        #expect(runs.allSatisfy { $0 == 1 }, "\(runs.filter { $0 != 1 }.count) indices not run exactly once")
        #expect(blocks.allSatisfy { $0 >= 1 && $0 <= blockSize }, "a block larger than \(blockSize)")
    }

    @Test("once a shared loop's wait returns, neither thread holds what its body captured")
    func waitLetsGoOfTheBody() {
        final class Captured: Sendable {}
        for _ in 0..<50 {
            weak var released: Captured?
            // Made in a closure, so that only the loop's body holds the captured object.
            let loop = { () -> SharedLoop in
                let captured = Captured()
                released = captured
                return SharedLoop(count: 4_096, blockSize: 16) { _ in withExtendedLifetime(captured) {} }
            }()
            loop.start()
            loop.run()
            loop.wait()
            // `loop` itself is still held here (and perhaps by the queue's thread): only its body went.
            withExtendedLifetime(loop) { #expect(released == nil, "the body's capture outlived wait()") }
        }
    }

    @Test("a table refreshed on two threads holds what one refreshed slot by slot holds")
    func refreshAllEqualsRefresh() {
        var shared = JobTable()
        var alone = JobTable()
        var slots: [Int] = []
        for index in 0..<4_000 {
            let job = TrackedJob(
                job: Job(wire: wireJob(String(format: "bjb-%05d", index), processed: index % 10)), fetchedAt: nil)
            slots.append(shared.insert(job))
            _ = alone.insert(job)
        }
        // Every third slot, in an order that is not the slots' own.
        let refreshed = slots.filter { $0 % 3 == 0 }.reversed().map { $0 }
        let stamp: @Sendable (inout TrackedJob, HistoryBox?) -> Void = { job, _ in
            job.freshUntil = Date(timeIntervalSinceReferenceDate: Double(job.job.processedItems ?? 0))
        }
        // Each block's outcome: the indices it was given, in turn.
        let blocks = shared.refreshAll(refreshed, minimumShared: 1, outcome: [Int]()) { job, history, index, seen in
            stamp(&job, history)
            seen.append(index)
        }
        for slot in refreshed { _ = alone.refresh(slot: slot, stamp) }
        #expect(blocks.count == (refreshed.count + JobTable.refreshBlock - 1) / JobTable.refreshBlock)
        #expect(blocks.joined().elementsEqual(refreshed.indices), "the blocks' outcomes are not the indices in order")
        for slot in slots {
            #expect(shared[slot: slot] == alone[slot: slot], "slot \(slot)")
            #expect((shared[slot: slot]?.freshUntil != nil) == (slot % 3 == 0), "slot \(slot)")
        }
    }
}
