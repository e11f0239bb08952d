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

    /// Runs one cycle in which every job of `api` moved to `processed`, returning a watch on its snapshot's jobs.
    private func cycle(_ poller: Poller, _ api: HeldListAPI, _ clock: ManualNow, processed: Int) async -> Watched {
        api.setJobs(
            fleet(BackgroundRelease.minimumCount).map { job in
                var job = job
                job.processedItems = processed
                return job
            })
        clock.advance(2)
        let snapshot = await poller.pollOnce()
        return Watched(snapshot.jobs)
    }

    @Test("the versions a cycle replaced are freed on the release queue when no one took the snapshot")
    func pollerHandsReplacedVersionsToTheQueue() async {
        let clock = ManualNow()
        let api = HeldListAPI(jobs: fleet(BackgroundRelease.minimumCount))
        let poller = Poller(
            api: api, configuration: PollerConfiguration(interval: 2, maxConcurrentRequests: 2), now: { clock.date })
        let first = await cycle(poller, api, clock, processed: 4)
        #expect(first.alive == BackgroundRelease.minimumCount)
        let gate = QueueGate()
        let second = await cycle(poller, api, clock, processed: 5)
        // The stream let go of the first cycle's snapshot when the second's was yielded; the poller had handed it on.
        #expect(first.alive == BackgroundRelease.minimumCount, "the queue holds the replaced versions")
        gate.open()
        #expect(first.alive == 0, "the replaced versions are freed once the queue runs")
        #expect(second.alive == BackgroundRelease.minimumCount, "the newest snapshot's versions stay")
    }
}
