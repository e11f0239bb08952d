import Foundation
import Testing

@testable import JobMonitor

/// The poller's job table keeps each job in a numbered slot, with flags (written, unfinished, vanished, listed) beside
/// it instead of sets of IDs, and reuses freed slots: a reused slot must not inherit anything from its last job.
@Suite("JobTable: jobs in slots, flags beside them")
struct JobTableTests {
    private func tracked(_ id: String, _ status: JobStatus, vanished: Bool = false) -> TrackedJob {
        var job = TrackedJob(job: Job(id: id, type: .parse, status: status, totalItems: 10), fetchedAt: Date())
        job.isVanished = vanished
        return job
    }

    @Test("counts, flags and written slots follow each write; clearing forgets the writes only")
    func flagsFollowWrites() {
        var table = JobTable()
        table["a"] = tracked("a", .running)
        table["b"] = tracked("b", .completed)
        table["c"] = tracked("c", .failed, vanished: true)
        #expect(table.count == 3 && table.unfinishedCount == 1 && table.vanishedCount == 1)
        #expect(table.unfinishedSlots.compactMap { table[slot: $0]?.id } == ["a"] && table.vanishedIDs == ["c"])
        #expect(table.writtenSlots.count == 3)
        table.clearWritten()
        #expect(table.writtenSlots.isEmpty && table.count == 3)
        table["a"] = tracked("a", .completed)
        table["b"] = tracked("b", .running)
        #expect(table.unfinishedSlots.compactMap { table[slot: $0]?.id } == ["b"] && table.unfinishedCount == 1)
        #expect(table.writtenSlots.compactMap { table[slot: $0]?.id }.sorted() == ["a", "b"])
        table["a"] = tracked("a", .completed)
        #expect(table.writtenSlots.count == 2, "a slot written twice is listed once")
    }

    /// The counts a table keeps, worked out from its jobs.
    private func recount(_ table: JobTable) -> (unfinished: Int, vanished: Int, live: [JobTable.ListingKey: Int]) {
        var live: [JobTable.ListingKey: Int] = [:]
        for job in table.values where !job.isVanished && job.job.api == .v1 {
            let outside = table.directoryFilter != nil && job.job.directoryID != nil
                && job.job.directoryID != table.directoryFilter
            live[JobTable.ListingKey(status: job.job.status, type: job.job.type, outsideDirectory: outside), default: 0] += 1
        }
        let unfinished = table.values.filter { !$0.job.status.isTerminal }.count
        return (unfinished, table.values.filter(\.isVanished).count, live)
    }

    @Test("versions sharing the last one's identity keep the counts right through every kind of change")
    func sharedIdentityVersions() {
        var table = JobTable(directoryFilter: "dir-a")
        var base = TrackedJob(
            job: Job(id: "a", type: .parse, status: .running, totalItems: 10, processedItems: 1, directoryID: "dir-a"),
            fetchedAt: Date())
        table["a"] = base
        table["b"] = tracked("b", .running)
        var versions: [(String, (inout TrackedJob) -> Void)] = [
            ("counts moved", { $0.job.processedItems = 5 }),
            ("finished", { $0.job.status = .completed }),
            ("vanished", { $0.isVanished = true }),
            ("back, running", { $0.isVanished = false; $0.job.status = .running }),
            ("an unknown status", { $0.job.status = .other("paused") }),
            ("another unknown status (same one-byte code)", { $0.job.status = .other("held") }),
            ("running again", { $0.job.status = .running }),
            ("other type", { $0.job.type = .extract }),
            ("other directory", { $0.job.directoryID = "dir-b" }),
            ("a v2 batch", { $0.job.api = .v2 }),
            ("counts moved again", { $0.job.processedItems = 7 }),
        ]
        versions.append(("beta again, failed", { $0.job.api = .v1; $0.job.status = .failed }))
        for (step, change) in versions {
            var next = base
            change(&next)
            table["a"] = next
            base = next
            let expected = recount(table)
            #expect(table.unfinishedCount == expected.unfinished, "\(step)")
            #expect(table.vanishedCount == expected.vanished, "\(step)")
            #expect(table.liveListingCounts == expected.live, "\(step)")
        }
    }

    @Test("a freed slot is reused by the next job without its flags, listing mark or history")
    func reusedSlotStartsClean() throws {
        var table = JobTable()
        table["old"] = tracked("old", .running, vanished: true)
        let slot = try #require(table.slot(of: "old"))
        let marked = table.markListed(slot, in: 7)
        let markedAgain = table.markListed(slot, in: 7)
        #expect(marked && !markedAgain, "a second mark in the same listing is refused")
        var tracker = MetricsTracker()
        var box: HistoryBox?
        tracker.record(job: Job(id: "old", type: .parse, status: .running, totalItems: 10), at: Date(), cached: &box)
        table.setHistory(box, slot: slot)
        table["old"] = nil
        #expect(table.count == 0 && table.unfinishedCount == 0 && table.vanishedCount == 0)
        #expect(table["old"] == nil && table.slot(of: "old") == nil)
        let reused = table.insert(tracked("new", .completed))
        #expect(reused == slot)
        #expect(!table.isListed(slot: reused, in: 7), "the listing mark was the old job's")
        #expect(table.history(slot: reused) == nil)
        #expect(!table.isUnfinished(reused) && table.vanishedIDs.isEmpty)
        #expect(table["new"]?.id == "new" && table.values.map(\.id) == ["new"])
    }

    @Test("refresh leaves a copy held outside the table as it was and notes no write")
    func refreshInPlace() throws {
        var table = JobTable()
        table["a"] = tracked("a", .running)
        let slot = try #require(table.slot(of: "a"))
        let before = try #require(table[slot: slot])
        let shared = table.refresh(slot: slot) { job, _ in job.freshUntil = Date(timeIntervalSince1970: 5) }
        #expect(shared?.sharesStorage(with: before) == false, "the outside copy keeps its value")
        #expect(before.freshUntil == nil && table[slot: slot]?.freshUntil == Date(timeIntervalSince1970: 5))
        table.clearWritten()
        _ = table.refresh(slot: slot) { job, _ in job.freshUntil = Date(timeIntervalSince1970: 9) }
        #expect(table[slot: slot]?.freshUntil == Date(timeIntervalSince1970: 9))
        #expect(table.writtenSlots.isEmpty, "refreshing notes no write")
    }
}
