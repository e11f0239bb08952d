import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// The v2 half of the poller against an in-memory v2 server: counts, progress, economy, cancel, auto mode.
@Suite("v2 batch polling")
struct BatchPollingTests {
    private func v2Poller(_ api: FakeBatchesAPI, _ configure: (inout PollerConfiguration) -> Void = { _ in }) -> Poller {
        var configuration = PollerConfiguration()
        configuration.apiSelection = .v2
        configure(&configuration)
        return Poller(api: FakeBatchAPI(jobs: []), batches: api, configuration: configuration)
    }

    private func facts(_ snapshot: Snapshot, _ id: String) -> BatchFacts? {
        snapshot.jobs.first { $0.id == id }?.job.batch
    }

    @Test("counts: done, failed jobs + mapping errors, cancelled, active, waiting; progress from them")
    func counts() async throws {
        let api = FakeBatchesAPI()
        let jobs = api.addBatch("bat-1", files: 10, mapped: 6, mappingErrors: 1)
        api.setJobs(Array(jobs[0..<3]), status: "COMPLETED")
        api.setJobs([jobs[3]], status: "FAILED", error: "OCR timeout")
        api.setJobs([jobs[4]], status: "CANCELLED")
        api.setJobs([jobs[5]], status: "THROTTLED")
        let snapshot = await v2Poller(api).pollOnce()
        let batch = try #require(facts(snapshot, "bat-1"))
        #expect(batch.done == 3)
        #expect(batch.failedJobs == 1)
        #expect(batch.mappingErrors == 1)
        #expect(batch.failed == 2)
        #expect(batch.cancelled == 1)
        #expect(batch.active == 1)
        #expect(batch.waiting == 3)
        #expect(batch.filesTotal == 10)
        #expect(batch.progressPercent == 60)
        let job = try #require(snapshot.jobs.first { $0.id == "bat-1" }?.job)
        #expect(job.api == .v2)
        #expect(job.type == .parse)
        #expect(job.totalItems == 10)
        #expect(job.processedItems == 6)
        #expect(job.failedItems == 2)
        #expect(snapshot.liveAPIs == [.v2])
    }

    @Test("results null while running: progress unknown, last known counts kept; then known again")
    func resultsNull() async throws {
        let api = FakeBatchesAPI()
        let jobs = api.addBatch("bat-n", files: 4, mapped: 2, jobStatus: "COMPLETED")
        let poller = v2Poller(api)
        let first = await poller.pollOnce()
        #expect(facts(first, "bat-n")?.progressPercent == 50)
        api.setResultsNull("bat-n", true)
        let second = await poller.pollOnce()
        let unknown = try #require(facts(second, "bat-n"))
        #expect(unknown.resultsKnown == false)
        #expect(unknown.progressPercent == nil)
        #expect(unknown.done == 2)
        #expect(second.jobs.first { $0.id == "bat-n" }?.job.isProgressKnown == false)
        _ = jobs
    }

    @Test("a batch never seen with results, and a batch over zero files, show no progress figure")
    func noProgress() async throws {
        let api = FakeBatchesAPI()
        api.addBatch("bat-null", files: 3, resultsNull: true)
        api.addBatch("bat-empty", status: "COMPLETED", files: 0)
        let snapshot = await v2Poller(api).pollOnce()
        #expect(facts(snapshot, "bat-null")?.progressPercent == nil)
        #expect(facts(snapshot, "bat-null")?.resultsKnown == false)
        #expect(facts(snapshot, "bat-empty")?.resultsKnown == true)
        #expect(facts(snapshot, "bat-empty")?.progressPercent == nil)
    }

    @Test("all files terminal in a completed batch: 100 %, final, and no request for it afterwards")
    func finalBatchCostsNothing() async throws {
        let api = FakeBatchesAPI()
        let jobs = api.addBatch("bat-done", status: "COMPLETED", files: 5, mapped: 5, jobStatus: "COMPLETED")
        api.setJobs([jobs[0]], status: "FAILED", error: "bad")
        let poller = v2Poller(api) { $0.fullScanEvery = 100 }
        let first = await poller.pollOnce()
        #expect(facts(first, "bat-done")?.progressPercent == 100)
        #expect(facts(first, "bat-done")?.failed == 1)
        api.resetCounts()
        for _ in 0..<5 { await poller.pollOnce() }
        #expect(api.getCalls.isEmpty)
        #expect(api.jobCalls.isEmpty)
        #expect(api.directoryCalls.isEmpty)
    }

    @Test("bulk job fetch: ⌈active jobs / chunk⌉ calls, terminal jobs never asked again")
    func bulkFetchEconomy() async throws {
        let api = FakeBatchesAPI()
        let jobs = api.addBatch("bat-big", files: 250, mapped: 250)
        let poller = v2Poller(api) { $0.fullScanEvery = 100 }
        await poller.pollOnce()
        #expect(api.jobCalls.count == 3)
        #expect(api.jobCalls.map(\.1.count).sorted() == [50, 100, 100])
        api.setJobs(Array(jobs[0..<180]), status: "COMPLETED")
        api.resetCounts()
        await poller.pollOnce()
        #expect(api.jobCalls.count == 3)
        api.resetCounts()
        let snapshot = await poller.pollOnce()
        // 180 finished: only 70 asked for, in one call.
        #expect(api.jobCalls.count == 1)
        #expect(api.jobCalls.first?.1.count == 70)
        #expect(Set(api.jobCalls.flatMap(\.1)).isDisjoint(with: Set(jobs[0..<180])))
        #expect(facts(snapshot, "bat-big")?.done == 180)
        #expect(api.getCalls == ["bat-big"])
    }

    @Test("a failed bulk job fetch keeps the last counts (unknown if none) instead of counting those files active")
    func failedBulkFetchKeepsCounts() async throws {
        let api = FakeBatchesAPI()
        let jobs = api.addBatch("bat-b", files: 10, mapped: 10, jobStatus: "COMPLETED")
        api.state.withLock { $0.jobsFailure = .server(status: 503, detail: nil) }
        let poller = v2Poller(api)
        let first = await poller.pollOnce()
        #expect(facts(first, "bat-b")?.progressPercent == nil)
        #expect(first.jobs.first { $0.id == "bat-b" }?.fetchError != nil)
        api.state.withLock { $0.jobsFailure = nil }
        let second = await poller.pollOnce()
        #expect(facts(second, "bat-b")?.done == 10)
        api.setJobs(Array(jobs[0..<0]), status: "FAILED")
        api.setStatus("bat-b", "RUNNING")
        api.state.withLock { $0.jobsFailure = .server(status: 503, detail: nil) }
        let third = await poller.pollOnce()
        #expect(facts(third, "bat-b")?.done == 10)
        #expect(facts(third, "bat-b")?.active == 0)
    }

    @Test("--created-after/--created-before: sent as created_at_* on v2 list calls, filtered here for beta jobs")
    func createdWindow() async throws {
        let after = Date(timeIntervalSince1970: 1_800_000_000)
        var configuration = PollerConfiguration()
        configuration.apiSelection = .auto
        configuration.createdAfter = after
        configuration.createdBefore = after.addingTimeInterval(3600)
        #expect(configuration.admits(createdAt: after))
        #expect(!configuration.admits(createdAt: after.addingTimeInterval(-1)))
        #expect(!configuration.admits(createdAt: after.addingTimeInterval(3601)))
        #expect(!configuration.admits(createdAt: nil))
        #expect(PollerConfiguration().admits(createdAt: nil))
        var inside = wireJob("bjb-in")
        inside.createdAt = after.addingTimeInterval(60)
        var before = wireJob("bjb-old")
        before.createdAt = after.addingTimeInterval(-60)
        let beta = FakeBatchAPI(jobs: [inside, before, wireJob("bjb-undated")])
        let batches = FakeBatchesAPI()
        let poller = Poller(api: beta, batches: batches, configuration: configuration)
        let snapshot = await poller.pollOnce()
        #expect(snapshot.jobs.map(\.id) == ["bjb-in"])
        let listed = try #require(batches.listCalls.first)
        #expect(listed.createdOnOrAfter == after)
        #expect(listed.createdOnOrBefore == after.addingTimeInterval(3600))
    }

    @Test("economy per cycle for 1, 100 and 1,000 running batches of 1,000 files each", arguments: [1, 100, 1000])
    func economyTable(batches: Int) async throws {
        let api = FakeBatchesAPI()
        for index in 0..<batches {
            api.addBatch(String(format: "bat-%04d", index), files: 1000, mapped: index == 0 ? 1000 : 10)
        }
        let poller = v2Poller(api) { $0.fullScanEvery = 10 }
        await poller.pollOnce()
        let firstCycle = api.requestCount
        api.resetCounts()
        await poller.pollOnce()
        let list = api.listCalls.count
        let gets = api.getCalls.count
        let bulk = api.jobCalls.count
        let activeFiles = 1000 + (batches - 1) * 10
        print("economy v2: \(batches) batches × 1,000 files: first cycle \(firstCycle) requests; steady: \(list) list, \(gets) get, \(bulk) bulk (active files \(activeFiles)), \(api.directoryCalls.count) directory")
        #expect(gets == batches)
        #expect(bulk == (activeFiles + 99) / 100)
        #expect(api.directoryCalls.isEmpty)
        #expect(list <= max(3, (batches + 99) / 100))
    }

    @Test("the directory is counted once, again only every directoryRecountEvery cycles while running")
    func directoryRecount() async {
        let api = FakeBatchesAPI()
        api.addBatch("bat-d", files: 450, mapped: 1)
        let poller = v2Poller(api) { $0.directoryRecountEvery = 3 }
        await poller.pollOnce()
        #expect(api.directoryCalls.count == 5)
        api.resetCounts()
        await poller.pollOnce()
        await poller.pollOnce()
        #expect(api.directoryCalls.isEmpty)
        await poller.pollOnce()
        #expect(api.directoryCalls.count == 5)
    }

    @Test("THROTTLED and unknown batch statuses are kept and are not finished")
    func statuses() async throws {
        let api = FakeBatchesAPI()
        api.addBatch("bat-t", status: "THROTTLED", files: 2)
        api.addBatch("bat-x", status: "REBALANCING", files: 2)
        let poller = v2Poller(api) { $0.fullScanEvery = 100 }
        let snapshot = await poller.pollOnce()
        #expect(snapshot.jobs.first { $0.id == "bat-t" }?.job.status == .throttled)
        #expect(snapshot.jobs.first { $0.id == "bat-x" }?.job.status == .other("REBALANCING"))
        api.resetCounts()
        await poller.pollOnce()
        #expect(Set(api.getCalls) == ["bat-t", "bat-x"])
    }

    @Test("cancel: the answer still says RUNNING, the row says cancelling until CANCELLED")
    func cancelFlow() async throws {
        let api = FakeBatchesAPI()
        api.addBatch("bat-c", files: 3, mapped: 3)
        let poller = v2Poller(api)
        await poller.pollOnce()
        let answer = await poller.cancel(jobID: "bat-c")
        #expect(try answer.get().contains("RUNNING"))
        #expect(api.cancelCalls == ["bat-c"])
        let during = await poller.pollOnce()
        #expect(facts(during, "bat-c")?.cancelRequested == true)
        api.setStatus("bat-c", "CANCELLED")
        let after = await poller.pollOnce()
        #expect(facts(after, "bat-c")?.cancelRequested == false)
        #expect(after.jobs.first { $0.id == "bat-c" }?.job.status == .cancelled)
    }

    @Test("a refused cancel (409) is returned as the failure, asked once, and the row does not say cancelling")
    func cancelRefused() async throws {
        let api = FakeBatchesAPI()
        api.addBatch("bat-r", status: "COMPLETED", files: 1, mapped: 1, jobStatus: "COMPLETED")
        api.state.withLock { $0.cancelFailure = .http(status: 409, detail: "batch already finished", retryAfter: nil, shouldRetry: nil) }
        var configuration = PollerConfiguration()
        configuration.apiSelection = .v2
        let retrying = RetryingBatchesAPI(api, policy: RetryPolicy(maxRetries: 3, initialDelay: 0, random: { 0 }))
        let poller = Poller(api: FakeBatchAPI(jobs: []), batches: retrying, configuration: configuration)
        await poller.pollOnce()
        let answer = await poller.cancel(jobID: "bat-r")
        guard case .failure(let failure) = answer else {
            Issue.record("a refused cancel succeeded")
            return
        }
        #expect(failure.message.contains("already finished"))
        #expect(api.cancelCalls == ["bat-r"])
        let snapshot = await poller.pollOnce()
        #expect(facts(snapshot, "bat-r")?.cancelRequested == false)
    }

    @Test("auto: an API whose list route is 404 is dropped quietly after one try and asked again on refresh")
    func autoDropsMissingAPI() async throws {
        let beta = FakeBatchAPI(jobs: [wireJob("bjb-1", status: "running", processed: 1)])
        let batches = FakeBatchesAPI()
        batches.state.withLock { $0.listFailure = .notFound(detail: "Not Found") }
        var configuration = PollerConfiguration()
        configuration.apiSelection = .auto
        let poller = Poller(api: beta, batches: batches, configuration: configuration)
        let first = await poller.pollOnce()
        #expect(first.health.state == .ok)
        #expect(first.health.lastError == nil)
        #expect(first.liveAPIs == [.v1])
        batches.resetCounts()
        await poller.pollOnce()
        #expect(batches.requestCount == 0)
        batches.state.withLock { $0.listFailure = nil }
        batches.addBatch("bat-1", files: 1)
        await poller.refresh()
        let refreshed = await poller.pollOnce()
        #expect(refreshed.liveAPIs == [.v1, .v2])
        #expect(Set(refreshed.jobs.map(\.id)) == ["bjb-1", "bat-1"])
    }

    @Test("--api v2: a 404 from the list route is an error, not a silent drop")
    func explicitV2Reports404() async {
        let batches = FakeBatchesAPI()
        batches.state.withLock { $0.listFailure = .notFound(detail: "Not Found") }
        let snapshot = await v2Poller(batches).pollOnce()
        #expect(snapshot.health.state == .degraded)
    }

    @Test("explicit IDs: bat- asks v2 only, bjb- v1 only, anything else both")
    func explicitIDs() async throws {
        let beta = FakeBatchAPI(jobs: [wireJob("bjb-1", status: "running", processed: 1), wireJob("custom-1", status: "running", processed: 1)])
        let batches = FakeBatchesAPI()
        batches.addBatch("bat-1", files: 2, mapped: 1)
        batches.addBatch("other-2", files: 2, mapped: 1)
        var configuration = PollerConfiguration(jobIDs: ["bjb-1", "bat-1", "custom-1", "other-2"])
        configuration.apiSelection = .auto
        let poller = Poller(api: beta, batches: batches, configuration: configuration)
        let snapshot = await poller.pollOnce()
        #expect(!beta.statusCalls.contains("bat-1"))
        #expect(!batches.getCalls.contains("bjb-1"))
        #expect(!batches.getCalls.contains("custom-1"))
        #expect(beta.statusCalls.contains("other-2"))
        #expect(batches.getCalls.contains("other-2"))
        let apis = Dictionary(uniqueKeysWithValues: snapshot.jobs.map { ($0.id, $0.job.api) })
        #expect(apis == ["bjb-1": .v1, "bat-1": .v2, "custom-1": .v1, "other-2": .v2])
        #expect(snapshot.jobs.allSatisfy { $0.fetchedAt != nil && !$0.isVanished })
        beta.resetCounts()
        await poller.pollOnce()
        #expect(!beta.statusCalls.contains("other-2"))
    }

    @Test("detail files: failed first (mapping errors and failed jobs), job IDs and errors, waiting files, filter")
    func detailFiles() async throws {
        let api = FakeBatchesAPI()
        let jobs = api.addBatch("bat-f", files: 6, mapped: 3, mappingErrors: 1)
        api.setJobs([jobs[0]], status: "COMPLETED")
        api.setJobs([jobs[1]], status: "FAILED", error: "OCR timeout")
        var configuration = PollerConfiguration()
        configuration.apiSelection = .v2
        let clock = Locked(Date(timeIntervalSince1970: 1_800_000_000))
        let poller = Poller(
            api: FakeBatchAPI(jobs: []), batches: api, configuration: configuration, now: { clock.withLock { $0 } })
        await poller.pollOnce()
        let page = try await poller.items(jobID: "bat-f", offset: 0, limit: 50).get()
        #expect(page.totalSize == 6)
        #expect(page.items.map(\.status) == ["failed", "failed", "running", "waiting", "waiting", "completed"])
        #expect(page.items[0].errorMessage == "OCR timeout")
        #expect(page.items[0].jobID == jobs[1])
        #expect(page.items[1].errorMessage == "unsupported file")
        #expect(page.items[1].jobID == nil)
        let failedOnly = try await poller.items(jobID: "bat-f", offset: 0, limit: 50, status: "failed").get()
        #expect(failedOnly.items.count == 2)
        let waiting = try await poller.items(jobID: "bat-f", offset: 0, limit: 50, status: "waiting").get()
        #expect(waiting.totalSize == 2)
        let second = try await poller.items(jobID: "bat-f", offset: 4, limit: 50).get()
        #expect(second.items.map(\.status) == ["waiting", "completed"])
        api.setResultsNull("bat-f", true)
        clock.withLock { $0 = $0.addingTimeInterval(3) }  // past the reuse window of the assembled list (interval 2 s)
        let hidden = try await poller.items(jobID: "bat-f", offset: 0, limit: 50).get()
        #expect(hidden.items.count == 6 && hidden.items.allSatisfy { $0.status == "unknown" })
    }

    @Test("pagination of the list ends on a null token and on an empty page with a token")
    func listingEnds() async throws {
        let api = FakeBatchesAPI(pageCap: 2)
        for index in 0..<5 { api.addBatch("bat-\(index)", status: "COMPLETED", files: 0) }
        let listing = await BatchListing.list(BatchListQuery(pageSize: 100), from: api)
        #expect(listing.batches.count == 5)
        #expect(listing.isComplete)
        #expect(api.listCalls.count == 3)
        let looping = LoopingBatches()
        let loop = await BatchListing.list(BatchListQuery(), from: looping)
        #expect(loop.batches.count == 1)
        #expect(loop.isTruncated)
        let empty = EmptyPageBatches()
        let ended = await BatchListing.list(BatchListQuery(), from: empty)
        #expect(ended.batches.count == 1)
        #expect(ended.isComplete)
        #expect(empty.calls.withLock { $0 } == 2)
    }
}

/// A server whose cursor always points at the same page.
private struct LoopingBatches: BatchesAPI {
    func listBatches(_ query: BatchListQuery) async throws(BatchAPIError) -> CursorPage<Batch> {
        CursorPage(items: [Batch(id: "bat-1", sourceDirectoryID: "d", status: "RUNNING", jobType: "parse_v2", configurationID: "c")], nextPageToken: "same")
    }
    func batch(id: String, expandResults: Bool) async throws(BatchAPIError) -> Batch { throw .notFound(detail: nil) }
    func cancelBatch(id: String) async throws(BatchAPIError) -> Batch { throw .notFound(detail: nil) }
    func processingJobs(_ kind: ProcessingJobKind, ids: [String], pageSize: Int, pageToken: String?) async throws(BatchAPIError) -> CursorPage<ProcessingJob> { CursorPage(items: [], nextPageToken: nil) }
    func directoryFiles(directoryID: String, pageSize: Int, pageToken: String?) async throws(BatchAPIError) -> CursorPage<DirectoryFile> { CursorPage(items: [], nextPageToken: nil) }
}

/// A server whose second page is empty but still carries a token.
private final class EmptyPageBatches: BatchesAPI {
    let calls = Locked(0)
    func listBatches(_ query: BatchListQuery) async throws(BatchAPIError) -> CursorPage<Batch> {
        calls.withLock { $0 += 1 }
        if query.pageToken == nil {
            return CursorPage(items: [Batch(id: "bat-1", sourceDirectoryID: "d", status: "RUNNING", jobType: "parse_v2", configurationID: "c")], nextPageToken: "t1")
        }
        return CursorPage(items: [], nextPageToken: "t2")
    }
    func batch(id: String, expandResults: Bool) async throws(BatchAPIError) -> Batch { throw .notFound(detail: nil) }
    func cancelBatch(id: String) async throws(BatchAPIError) -> Batch { throw .notFound(detail: nil) }
    func processingJobs(_ kind: ProcessingJobKind, ids: [String], pageSize: Int, pageToken: String?) async throws(BatchAPIError) -> CursorPage<ProcessingJob> { CursorPage(items: [], nextPageToken: nil) }
    func directoryFiles(directoryID: String, pageSize: Int, pageToken: String?) async throws(BatchAPIError) -> CursorPage<DirectoryFile> { CursorPage(items: [], nextPageToken: nil) }
}

/// Throughput of v2 batches comes from known counts only.
@Suite("v2 batch metrics")
struct BatchMetricsTests {
    @Test("a batch first seen mid-run has no rate until two known observations, and no burst from a false 0")
    func noFalseBurst() async throws {
        let api = FakeBatchesAPI()
        let jobs = api.addBatch("bat-m", files: 100, mapped: 100, jobStatus: "COMPLETED")
        api.setJobs(Array(jobs[60...]), status: "RUNNING")
        var configuration = PollerConfiguration()
        configuration.apiSelection = .v2
        let clock = Locked(Date(timeIntervalSince1970: 1_800_000_000))
        let poller = Poller(
            api: FakeBatchAPI(jobs: []), batches: api, configuration: configuration, now: { clock.withLock { $0 } })
        let first = await poller.pollOnce()
        #expect(first.jobs.first?.metrics.throughput == nil)
        #expect(await poller.samples(for: "bat-m").count == 1)
        clock.withLock { $0 = $0.addingTimeInterval(10) }
        api.setJobs(Array(jobs[60..<80]), status: "COMPLETED")
        let second = await poller.pollOnce()
        let rate = try #require(second.jobs.first?.metrics.throughput)
        #expect(abs(rate - 2) < 0.01)
    }
}

/// The detail view's per-page retry.
@Suite("batch detail pages are asked for again after a passing failure")
struct BatchDetailRetryTests {
    @Test("a body that did not decode or a 503 is retried up to three times; a 404 is not")
    func again() async throws {
        let calls = Locked(0)
        let value = try await Poller.again { () async throws(BatchAPIError) -> Int in
            let count = calls.withLock { $0 += 1; return $0 }
            if count == 1 { throw .undecodable("truncated") }
            if count == 2 { throw .server(status: 503, detail: nil) }
            return count
        }
        #expect(value == 3)
        calls.withLock { $0 = 0 }
        do throws(BatchAPIError) {
            _ = try await Poller.again { () async throws(BatchAPIError) -> Int in
                calls.withLock { $0 += 1 }
                throw .notFound(detail: nil)
            }
            Issue.record("a 404 did not fail")
        } catch {
            #expect(error.httpStatus == 404)
        }
        #expect(calls.withLock { $0 } == 1)
        calls.withLock { $0 = 0 }
        do throws(BatchAPIError) {
            _ = try await Poller.again { () async throws(BatchAPIError) -> Int in
                calls.withLock { $0 += 1 }
                throw .timeout
            }
        } catch {}
        #expect(calls.withLock { $0 } == 3)
    }
}
