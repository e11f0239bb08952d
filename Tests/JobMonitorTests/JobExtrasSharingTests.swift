import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// A job's usually empty fields (error, record and workflow IDs) sit in one `JobExtras` behind a reference; a server
/// that fills them for every job must not give every version of every running job extras of its own. Listed jobs do
/// not take the record and workflow IDs from the page at all (the detail view fetches them: `JobRecordIDs`).
@Suite("Job extras shared between versions; record IDs not kept from list pages")
struct JobExtrasSharingTests {
    /// A running job as a server that fills the record and workflow IDs sends it.
    private func wire(_ id: String, processed: Int, workflow: String = "wf-0001", error: String? = nil) -> BatchJob {
        BatchJob(
            id: id, jobType: "parse", projectID: "prj-a", status: "running", totalItems: 100, processedItems: processed,
            errorMessage: error, jobRecordID: "rec-" + id, workflowID: workflow)
    }

    @Test("a status call keeps the record IDs; a listed job keeps the known job's, whatever the page says")
    func recordIDsFromStatusCallsOnly() {
        let fetched = Job(wire: wire("bjb-1", processed: 1))
        #expect(fetched.jobRecordID == "rec-bjb-1" && fetched.workflowID == "wf-0001")
        let listedNew = Job(wire: wire("bjb-2", processed: 1), known: nil)
        #expect(listedNew.jobRecordID == nil && listedNew.workflowID == nil)
        let listedAgain = Job(wire: wire("bjb-1", processed: 2, workflow: "wf-0002"), known: fetched)
        #expect(listedAgain.workflowID == "wf-0001" && listedAgain.jobRecordID == "rec-bjb-1")
        #expect(listedAgain.processedItems == 2)
        // Without the IDs, a listed job needs no extras at all.
        #expect(listedNew.sharesExtras(with: Job(id: "x", type: .parse, status: .running, totalItems: 1)))
    }

    @Test("a new version decoded against the known job keeps its extras when they hold the same values, not otherwise")
    func decodedAgainstKnown() {
        let known = Job(wire: wire("bjb-1", processed: 1, error: "timeout"), known: nil)
        let next = Job(wire: wire("bjb-1", processed: 2, error: "timeout"), known: known)
        #expect(next.sharesExtras(with: known))
        #expect(next.processedItems == 2 && next.errorMessage == "timeout")
        let other = Job(wire: wire("bjb-1", processed: 3, error: "out of memory"), known: known)
        #expect(!other.sharesExtras(with: known))
        #expect(other.errorMessage == "out of memory")
        // Without a known job nothing is shared, and equal values still make equal jobs.
        let fresh = Job(wire: wire("bjb-1", processed: 1, error: "timeout"), known: nil)
        #expect(!fresh.sharesExtras(with: known))
        #expect(fresh == known)
    }

    @Test("shareExtras adopts the other job's extras only when every field is equal")
    func shareExtras() {
        let known = Job(wire: wire("bjb-1", processed: 1))
        var same = Job(wire: wire("bjb-1", processed: 5))
        same.shareExtras(with: known)
        #expect(same.sharesExtras(with: known) && same.processedItems == 5)
        var other = Job(wire: wire("bjb-1", processed: 5, workflow: "wf-0009"))
        other.shareExtras(with: known)
        #expect(!other.sharesExtras(with: known) && other.workflowID == "wf-0009")
    }

    @Test("the poller's listed jobs carry no record IDs; a failing job's versions share one extras")
    func pollerShares() async throws {
        let clock = ManualNow()
        var jobs = (0..<2).map { wire(String(format: "bjb-%04d", $0), processed: 1, error: "retrying") }
        let api = FakeBatchAPI(jobs: jobs)
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: { clock.date })
        let first = await poller.pollOnce()
        clock.advance(2)
        jobs[0].processedItems = 2
        jobs[1].processedItems = 2
        jobs[1].errorMessage = "retrying again"
        api.setJobs(jobs)
        let second = await poller.pollOnce()
        func job(_ snapshot: Snapshot, _ index: Int) throws -> Job {
            try #require(snapshot.jobs.first { $0.id == jobs[index].id }?.job)
        }
        #expect(try job(second, 0).jobRecordID == nil && job(second, 0).workflowID == nil)
        #expect(try job(second, 0).processedItems == 2)
        #expect(try job(second, 0).sharesExtras(with: job(first, 0)))
        #expect(try !job(second, 1).sharesExtras(with: job(first, 1)))
        #expect(try job(second, 1).errorMessage == "retrying again")
        // A status call (no known job passed to the decoder) still ends up sharing through the store.
        var fetched = Job(wire: wire(jobs[0].id, processed: 9, error: "retrying"))
        fetched.jobRecordID = nil
        fetched.workflowID = nil
        #expect(try !fetched.sharesExtras(with: job(second, 0)))
        await poller.store(fetched, at: clock.date)
        fetched = try #require(await poller.tracked[jobs[0].id]?.job)
        #expect(try fetched.sharesExtras(with: job(second, 0)))
        #expect(fetched.processedItems == 9)
    }

    @Test("a job's record IDs come from its status call, in a call of its own; none for a job it does not find")
    func recordIDsFromTheStatusCall() async {
        let jobs = [wire("bjb-0001", processed: 1, workflow: "wf-7")]
        let api = FakeBatchAPI(jobs: jobs)
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2))
        await poller.pollOnce()
        let calls = api.statusCalls.count
        #expect(await poller.recordIDs(jobID: "bjb-0001") == JobRecordIDs(jobRecordID: "rec-bjb-0001", workflowID: "wf-7"))
        #expect(api.statusCalls.count == calls + 1)
        #expect(await poller.recordIDs(jobID: "bjb-missing") == nil)
        // Listing the files makes no status call.
        _ = await poller.items(jobID: "bjb-0001", offset: 0)
        #expect(api.statusCalls.count == calls + 2)
    }
}
