import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// `JobList` keeps a snapshot's jobs in chunks that consecutive snapshots share. It must behave as `[TrackedJob]` does
/// (order, count, value semantics, equality), and a write must copy only the chunk written.
@Suite("Job list in shared chunks")
struct JobListTests {
    private func jobs(_ count: Int, tag: String = "") -> [TrackedJob] {
        (0..<count).map { TrackedJob.placeholder(id: "bjb-\(tag)\($0)") }
    }

    @Test("built from an array, it holds the same jobs in the same order", arguments: [0, 1, 4_095, 4_096, 4_097, 9_000])
    func sameAsArray(count: Int) {
        let array = jobs(count)
        let list = JobList(array)
        #expect(list.count == count)
        #expect(Array(list.indices) == Array(array.indices))
        #expect(list.map(\.id) == array.map(\.id))
        #expect(list.array == array)
        #expect(list.isEmpty == array.isEmpty)
        #expect(list.last?.id == array.last?.id)
    }

    @Test("random appends and writes give what the same operations give on an array", arguments: [1, 2, 3, 4] as [UInt64])
    func randomOperations(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        var list = JobList()
        var array: [TrackedJob] = []
        var kept: [(list: JobList, array: [TrackedJob])] = []
        for step in 0..<12_000 {
            let job = TrackedJob.placeholder(id: "bjb-\(step)")
            if array.isEmpty || generator.next(3) == 0 {
                list.append(job)
                array.append(job)
            } else {
                let position = generator.next(array.count)
                list[position] = job
                array[position] = job
            }
            // Copies taken along the way must keep what they held when taken.
            if generator.next(1_000) == 0 { kept.append((list, array)) }
        }
        #expect(list.map(\.id) == array.map(\.id))
        #expect(list == JobList(array))
        for (copy, expected) in kept { #expect(copy.map(\.id) == expected.map(\.id)) }
    }

    @Test("a write into a copy leaves the original as it was and copies only the chunk written")
    func writeCopiesOneChunk() {
        let length = JobList.chunkLength
        let original = JobList(jobs(3 * length + 100))
        let written = 2 * length + 7
        var copy = original
        copy[written] = TrackedJob.placeholder(id: "bjb-changed")
        #expect(original[written].id == "bjb-\(written)")
        #expect(copy[written].id == "bjb-changed")
        for position in stride(from: 0, to: original.count, by: length) {
            #expect(copy.sharesChunk(at: position, with: original) == (position / length != written / length), "\(position)")
        }
    }

    @Test("equal with the same jobs in the same order; not with one job, the order or the count different")
    func equality() {
        let array = jobs(2_000)
        let list = JobList(array)
        #expect(list == JobList(array))
        var changed = list
        changed[1_500] = TrackedJob.placeholder(id: "bjb-other")
        #expect(changed != list)
        #expect(JobList(array.reversed()) != list)
        #expect(JobList(array.dropLast()) != list)
        #expect(JobList() == [])
    }

    @Test("a snapshot in which one job changed shares every chunk of its list but that job's with the snapshot before")
    func snapshotSharesUnchangedChunks() async throws {
        let clock = ManualNow()
        // Finished jobs: their versions are redone only when they change (unfinished ones are, every snapshot).
        var wire = fleet(9_000, finished: 9_000)
        let api = FakeBatchAPI(jobs: wire)
        let poller = Poller(
            api: api, configuration: PollerConfiguration(interval: 2, fullScanEvery: 1), now: { clock.date })
        let first = await poller.pollOnce()
        wire[6_500].errorMessage = "late note"
        api.setJobs(wire)
        clock.advance(2)
        let second = await poller.pollOnce()
        let changed = try #require(second.jobs.firstIndex { $0.id == "bjb-6500" })
        #expect(second.jobs[changed].job.errorMessage == "late note")
        #expect(first.jobs[changed].job.errorMessage == nil, "the earlier snapshot keeps its version")
        #expect(second.jobs.map(\.id) == first.jobs.map(\.id))
        let length = JobList.chunkLength
        for position in stride(from: 0, to: second.jobs.count, by: length) {
            let written = position / length == changed / length
            #expect(second.jobs.sharesChunk(at: position, with: first.jobs) == !written, "chunk at \(position)")
        }
    }

    @Test("the addresses a prefetch reads as bits are each job's storage and identity, in every chunk; none out of range")
    func prefetchAddresses() {
        let array = jobs(9_000, tag: "p")
        let list = JobList(array)
        for position in [0, 1, 4_095, 4_096, 8_999] {
            let storage = UnsafeRawPointer(Unmanaged.passUnretained(array[position].storage).toOpaque())
            let identity = UnsafeRawPointer(Unmanaged.passUnretained(array[position].job.identityObject).toOpaque())
            #expect(list.storageAddress(at: position) == storage, "storage at \(position)")
            #expect(list.identityAddress(at: position) == identity, "identity at \(position)")
            // The hints themselves change nothing.
            list.prefetchJob(at: position)
            list.prefetchIdentity(at: position)
        }
        #expect(list.storageAddress(at: -1) == nil && list.storageAddress(at: 9_000) == nil)
        #expect(list.identityAddress(at: 9_000) == nil)
        list.prefetchJob(at: 9_000)
        list.prefetchIdentity(at: -5)
        #expect(list.map(\.id) == array.map(\.id))
    }
}
