import Dispatch
import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// Weak references to the storages of some jobs, to tell when they are freed.
private final class Watched {
    private let storages: [Weak]

    private struct Weak {
        weak var storage: TrackedJobStorage?
    }

    /// Watches the storages of `jobs` (the caller's references are not kept).
    init(_ jobs: some Sequence<TrackedJob>) {
        storages = jobs.map { Weak(storage: $0.storage) }
    }

    /// How many of the watched storages are still alive.
    var alive: Int { storages.count(where: { $0.storage != nil }) }

    /// How many of the watched storages are alive and also among `other`'s.
    func sharedCount(with other: Watched) -> Int {
        let theirs = Set(other.storages.compactMap { $0.storage.map(ObjectIdentifier.init) })
        return storages.count(where: { $0.storage.map { theirs.contains(ObjectIdentifier($0)) } ?? false })
    }
}

/// Holds the release queue until `open()`, so a test can see what the queue holds.
private final class QueueGate: Sendable {
    private let gate = DispatchSemaphore(value: 0)

    /// Blocks `BackgroundRelease`'s queue behind a block that waits for `open()`, for 20 s at most: tests of other
    /// suites in this process hand lists to the same queue, and none of them may wait forever.
    init() {
        let gate = self.gate
        BackgroundRelease.queue.async { _ = gate.wait(timeout: .now() + 20) }
    }

    /// Lets the queue go on, and returns once it has run everything handed to it so far.
    func open() {
        gate.signal()
        BackgroundRelease.waitUntilIdle()
    }
}

@Suite("Letting go of old job versions on a background thread", .serialized)
struct BackgroundReleaseTests {
    /// A list of `count` placeholder jobs, each with a storage of its own.
    private func jobs(_ count: Int) -> JobList {
        JobList((0..<count).map { TrackedJob.placeholder(id: String(format: "bjb-%05d", $0)) })
    }

    /// Builds a list, watches every job's storage and hands the list to `BackgroundRelease`; the caller keeps nothing.
    private func dropNewList(of count: Int) -> Watched {
        let list = jobs(count)
        let watched = Watched(list)
        BackgroundRelease.drop(list)
        return watched
    }

    @Test("a long list is freed on the release queue, not by the caller")
    func longListFreedOnTheQueue() {
        let gate = QueueGate()
        let watched = dropNewList(of: BackgroundRelease.minimumCount)
        #expect(watched.alive == BackgroundRelease.minimumCount, "the queue holds the list until it runs")
        gate.open()
        #expect(watched.alive == 0)
    }

    @Test("a short list is freed by the caller at once")
    func shortListFreedInPlace() {
        let gate = QueueGate()
        let watched = dropNewList(of: BackgroundRelease.minimumCount - 1)
        #expect(watched.alive == 0, "no thread is woken for a short list")
        gate.open()
    }

    /// Runs one cycle in which every job of `api` moved to `processed` (and `status`), returning a watch on its
    /// snapshot's jobs.
    private func cycle(
        _ poller: Poller, _ api: HeldListAPI, _ clock: ManualNow, processed: Int, status: String = "running"
    ) async -> Watched {
        Watched(await snapshot(poller, api, clock, processed: processed, status: status).jobs)
    }

    /// Runs one cycle as `cycle` does and returns its snapshot.
    private func snapshot(
        _ poller: Poller, _ api: HeldListAPI, _ clock: ManualNow, processed: Int, status: String = "running"
    ) async -> Snapshot {
        api.setJobs(
            fleet(BackgroundRelease.minimumCount).map { job in
                var job = job
                job.processedItems = processed
                job.status = status
                return job
            })
        clock.advance(2)
        return await poller.pollOnce()
    }

    @Test("a version something still holds is never written over: every snapshot kept shows what it showed")
    func heldVersionsAreNotRewritten() async {
        let clock = ManualNow()
        let api = HeldListAPI(jobs: fleet(BackgroundRelease.minimumCount))
        let poller = Poller(
            api: api, configuration: PollerConfiguration(interval: 2, maxConcurrentRequests: 2), now: { clock.date })
        var kept: [Snapshot] = []
        for processed in 4...8 {
            kept.append(await snapshot(poller, api, clock, processed: processed))
            BackgroundRelease.waitUntilIdle()
        }
        for (offset, snapshot) in kept.enumerated() {
            let counts = Set(snapshot.jobs.map(\.job.processedItems))
            #expect(counts == [4 + offset], "snapshot \(offset) shows \(counts.sorted { ($0 ?? -1) < ($1 ?? -1) })")
            #expect(snapshot.jobs.count == BackgroundRelease.minimumCount)
        }
    }

    @Test("the versions a cycle replaced are written over by the next cycle's, and let go of on the release queue once the jobs stop changing")
    func pollerReusesOrHandsOnReplacedVersions() async {
        let count = BackgroundRelease.minimumCount
        let clock = ManualNow()
        let api = HeldListAPI(jobs: fleet(count))
        let poller = Poller(
            api: api, configuration: PollerConfiguration(interval: 2, maxConcurrentRequests: 2), now: { clock.date })
        let first = await cycle(poller, api, clock, processed: 4)
        let second = await cycle(poller, api, clock, processed: 5)
        // The stream let go of the first cycle's snapshot when the second's was yielded, and the poller handed it to
        // the queue; the table keeps the versions it replaced (`VersionRecycler`).
        BackgroundRelease.waitUntilIdle()
        #expect(first.alive == count, "the replaced versions are kept for the next cycle")
        let third = await cycle(poller, api, clock, processed: 6)
        #expect(third.sharedCount(with: first) == count, "the third cycle's versions are the first's storages, rewritten")
        #expect(second.alive == count && third.sharedCount(with: second) == 0)
        BackgroundRelease.waitUntilIdle()
        let finished = await cycle(poller, api, clock, processed: 7, status: "completed")
        #expect(finished.sharedCount(with: second) == count)
        BackgroundRelease.waitUntilIdle()
        let gate = QueueGate()
        // Listed again unchanged: nothing is stored, so the kept versions (the third cycle's) are let go of.
        let unchanged = await cycle(poller, api, clock, processed: 7, status: "completed")
        #expect(unchanged.sharedCount(with: finished) == count, "nothing changed: the same versions")
        #expect(third.alive == count, "the queue holds the versions let go of")
        gate.open()
        #expect(third.alive == 0, "they are freed once the queue runs")
        #expect(finished.alive == count, "the newest snapshot's versions stay")
    }
}
