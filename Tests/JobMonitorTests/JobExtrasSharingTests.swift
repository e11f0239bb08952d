import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// A job's usually empty fields (error, record and workflow IDs) sit in one `JobExtras` behind a reference; a server
/// that fills them for every job must not give every version of every running job extras of its own.
@Suite("Job extras shared between versions")
struct JobExtrasSharingTests {
    /// A running job as a server that fills the record and workflow IDs sends it.
    private func wire(_ id: String, processed: Int, workflow: String = "wf-0001", error: String? = nil) -> BatchJob {
        BatchJob(
            id: id, jobType: "parse", projectID: "prj-a", status: "running", totalItems: 100, processedItems: processed,
            errorMessage: error, jobRecordID: "rec-" + id, workflowID: workflow)
    }

    @Test("a new version decoded against the known job keeps its extras when they hold the same values, not otherwise")
    func decodedAgainstKnown() {
        let known = Job(wire: wire("bjb-1", processed: 1))
        let next = Job(wire: wire("bjb-1", processed: 2), known: known)
        #expect(next.sharesExtras(with: known))
        #expect(next.processedItems == 2 && next.workflowID == "wf-0001" && next.jobRecordID == "rec-bjb-1")
        let moved = Job(wire: wire("bjb-1", processed: 3, workflow: "wf-0002"), known: known)
        #expect(!moved.sharesExtras(with: known))
        #expect(moved.workflowID == "wf-0002")
        let failing = Job(wire: wire("bjb-1", processed: 3, error: "timeout"), known: known)
        #expect(!failing.sharesExtras(with: known))
        #expect(failing.errorMessage == "timeout" && failing.jobRecordID == "rec-bjb-1")
        // Without a known job nothing is shared, and equal values still make equal jobs.
        let fresh = Job(wire: wire("bjb-1", processed: 1))
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

    @Test("the poller's versions of a running job share one extras, whether listed or fetched by status call")
    func pollerShares() async throws {
        let clock = ManualNow()
        var jobs = (0..<3).map { wire(String(format: "bjb-%04d", $0), processed: 1) }
        let api = FakeBatchAPI(jobs: jobs)
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: { clock.date })
        let first = await poller.pollOnce()
        clock.advance(2)
        jobs[0].processedItems = 2
        jobs[1].processedItems = 2
        jobs[1].workflowID = "wf-retried"
        api.setJobs(jobs)
        let second = await poller.pollOnce()
        func job(_ snapshot: Snapshot, _ index: Int) throws -> Job {
            try #require(snapshot.jobs.first { $0.id == jobs[index].id }?.job)
        }
        #expect(try job(second, 0).processedItems == 2)
        #expect(try job(second, 0).sharesExtras(with: job(first, 0)))
        #expect(try !job(second, 1).sharesExtras(with: job(first, 1)))
        #expect(try job(second, 1).workflowID == "wf-retried")
        // A status call (no known job passed to the decoder) still ends up sharing through the store.
        var fetched = Job(wire: wire(jobs[2].id, processed: 9))
        #expect(try !fetched.sharesExtras(with: job(second, 2)))
        await poller.store(fetched, at: clock.date)
        fetched = try #require(await poller.tracked[jobs[2].id]?.job)
        #expect(try fetched.sharesExtras(with: job(second, 2)))
        #expect(fetched.processedItems == 9)
    }
}
