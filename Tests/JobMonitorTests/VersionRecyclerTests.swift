import Foundation
import Testing

@testable import JobMonitor

/// The table's replaced versions are written over by new ones once nothing else holds them: a reused storage must
/// hold exactly what a new one would, and a version something still holds must never be written over.
@Suite("VersionRecycler: replaced versions written over once no one holds them")
struct VersionRecyclerTests {
    private let fetched = Date(timeIntervalSinceReferenceDate: 800_000_000)

    /// A job with every field a version may carry set, including the rare ones (an error, a vanishing, a count that
    /// went backward, a vouch too far for the inline form) and metrics with given history points.
    private func loaded(_ id: String) -> TrackedJob {
        var job = TrackedJob(
            job: Job(
                id: id, type: .extract, status: .failed, totalItems: 90, processedItems: 7, failedItems: 3,
                directoryID: "dir-9", errorMessage: "disk full"),
            fetchedAt: fetched.addingTimeInterval(-50), fetchError: "timed out", isVanished: true)
        job.vanishedAt = fetched.addingTimeInterval(-10)
        job.highestProcessed = 80
        job.freshUntil = fetched.addingTimeInterval(1e12)
        var metrics = JobMetrics()
        metrics.history = [0.1, 0.5, 0.9]
        job.metrics = metrics
        return job
    }

    private func job(_ id: String, processed: Int) -> Job {
        Job(id: id, type: .parse, status: .running, totalItems: 100, processedItems: processed)
    }

    @Test("a reused storage holds what a new version would, whatever the version before held", arguments: [nil, 5, 40])
    func reusedEqualsNew(highest: Int?) {
        var recycler = VersionRecycler()
        let old = loaded("bjb-old")
        let storage = ObjectIdentifier(old.storage)
        recycler.keep(consume old)
        let reused = recycler.version(job: job("bjb-new", processed: 5), fetchedAt: fetched, highestProcessed: highest)
        #expect(ObjectIdentifier(reused.storage) == storage, "the kept storage is written over")
        let new = TrackedJob(job: job("bjb-new", processed: 5), fetchedAt: fetched, highestProcessed: highest)
        #expect(reused == new)
        #expect(reused.storage.fields == new.storage.fields)
        #expect(reused.fetchError == nil && !reused.isVanished && reused.vanishedAt == nil && reused.freshUntil == nil)
        #expect(reused.highestProcessed == new.highestProcessed && reused.metrics == .empty)
    }

    @Test("the oldest version is written over only when nothing else holds it; a held one waits, a new storage is made")
    func heldVersionsWait() {
        var recycler = VersionRecycler()
        let first = loaded("bjb-1")
        let second = loaded("bjb-2")
        let held = first  // Someone (a snapshot) still holds the first.
        recycler.keep(first)
        recycler.keep(second)
        let made = recycler.version(job: job("bjb-3", processed: 1), fetchedAt: fetched, highestProcessed: nil)
        #expect(!made.sharesStorage(with: held) && !made.sharesStorage(with: second), "a new storage")
        #expect(held.job.id == "bjb-1" && held.fetchError == "timed out", "the held version is untouched")
        #expect(recycler.count == 2)
    }

    @Test("versions are taken oldest first, each once")
    func oldestFirst() {
        var recycler = VersionRecycler()
        let storages = (0..<5).map { index -> ObjectIdentifier in
            let version = loaded("bjb-\(index)")
            let storage = ObjectIdentifier(version.storage)
            recycler.keep(version)
            return storage
        }
        var taken: [TrackedJob] = []
        for index in 0..<6 {
            taken.append(recycler.version(job: job("bjb-n\(index)", processed: index), fetchedAt: fetched, highestProcessed: nil))
        }
        #expect(taken.prefix(5).map { ObjectIdentifier($0.storage) } == storages)
        #expect(!storages.contains(ObjectIdentifier(taken[5].storage)), "none left: a new storage")
        #expect(taken.map(\.job.processedItems) == [0, 1, 2, 3, 4, 5])
        #expect(recycler.count == 0 && recycler.asked == 6)
    }

    @Test("a trim keeps the newest as many as were asked for since the last, and returns the rest oldest first")
    func trimKeepsWhatACycleUsed() {
        var recycler = VersionRecycler()
        for index in 0..<10 { recycler.keep(loaded("bjb-\(index)")) }
        _ = recycler.version(job: job("bjb-x", processed: 1), fetchedAt: fetched, highestProcessed: nil)
        _ = recycler.version(job: job("bjb-y", processed: 1), fetchedAt: fetched, highestProcessed: nil)
        #expect(recycler.count == 8)
        let dropped = recycler.trim(keeping: recycler.asked)
        #expect(dropped.map(\.job.id) == (2..<8).map { "bjb-\($0)" } && recycler.count == 2 && recycler.asked == 0)
        #expect(recycler.trim(keeping: recycler.asked).map(\.job.id) == ["bjb-8", "bjb-9"], "nothing asked: all go")
        #expect(recycler.count == 0)
    }

    @Test("with as many kept as the limit, a replaced version is let go of, not kept")
    func fullQueueKeepsNoMore() {
        var recycler = VersionRecycler()
        let held = (0..<VersionRecycler.limit).map { TrackedJob.placeholder(id: "bjb-\($0)") }
        for version in held { recycler.keep(version) }
        weak var lastStorage: TrackedJobStorage?
        do {
            let extra = loaded("bjb-extra")
            lastStorage = extra.storage
            recycler.keep(extra)
        }
        #expect(lastStorage == nil, "the one past the limit was let go of")
        #expect(recycler.count == VersionRecycler.limit)
    }

    @Test("a small table keeps no replaced versions: the one it replaces is let go of at once")
    func smallTableKeepsNothing() {
        var table = JobTable()
        table["a"] = TrackedJob(job: job("a", processed: 1), fetchedAt: fetched)
        weak var replaced: TrackedJobStorage?
        if let slot = table.slot(of: "a") {
            replaced = table[slot: slot]?.storage
            table.store(job: job("a", processed: 2), fetchedAt: fetched, highestProcessed: 2, at: slot)
        }
        #expect(replaced == nil)
        #expect(table["a"]?.job.processedItems == 2 && table["a"]?.highestProcessed == 2)
    }
}
