import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

@Suite("Discovery between full scans")
struct DiscoveryTests {
    /// A poller over 1,000 jobs of which 50 run, past its first (full) scan: the next cycles list active statuses only.
    private func mostlyFinished() async -> (FakeBatchAPI, Poller) {
        let api = FakeBatchAPI(jobs: fleet(1000, finished: 950))
        let poller = Poller(api: api, configuration: PollerConfiguration())
        await poller.pollOnce()
        api.resetCounts()
        return (api, poller)
    }

    @Test("a job that finishes between cycles gets one status call and ends with its true final status")
    func finishing() async throws {
        let (api, poller) = await mostlyFinished()
        api.update("bjb-0007") { job in
            job.status = "failed"
            job.processedItems = 10
            job.failedItems = 4
        }
        let snapshot = await poller.pollOnce()
        #expect(api.statusCalls == ["bjb-0007"])
        #expect(Set(api.listCalls.compactMap(\.status)) == ["pending", "running", "dispatched"])
        let job = try #require(snapshot.jobs.first { $0.id == "bjb-0007" })
        #expect(job.job.status == .failed)
        #expect(job.job.failedItems == 4)
        #expect(!job.isVanished)
        api.resetCounts()
        await poller.pollOnce()
        #expect(api.statusCalls.isEmpty)
        #expect(await poller.tracked["bjb-0007"]?.job.status == .failed)
    }

    @Test("new jobs appear through the active listings; the order puts them first")
    func newJobs() async {
        let (api, poller) = await mostlyFinished()
        api.setJobs([wireJob("bjb-new", status: "pending")] + fleet(1000, finished: 950))
        let snapshot = await poller.pollOnce()
        #expect(snapshot.jobs.first?.id == "bjb-new")
        #expect(snapshot.jobs.first?.job.status == .pending)
        #expect(snapshot.jobs.count == 1001)
        #expect(api.requestCount == 3)
    }

    @Test("a job listed twice (on two pages as the listing shifts) is stored once, with the data it came with first")
    func duplicatesAcrossPages() async throws {
        var jobs = fleet(250)
        var again = jobs[20]
        again.processedItems = 9
        jobs.insert(again, at: 180)  // page 2 of 3 repeats a job of page 1, with other counts
        let api = FakeBatchAPI(jobs: jobs)
        let poller = Poller(api: api, configuration: PollerConfiguration())
        let first = await poller.pollOnce()
        #expect(first.jobs.map(\.id) == fleet(250).map(\.id), "listing order, each job once")
        #expect(first.jobs.first { $0.id == jobs[20].id }?.job.processedItems == jobs[20].processedItems)
        #expect(await poller.tracked.count == 250)
        let second = await poller.pollOnce()
        #expect(second.jobs.map(\.id) == first.jobs.map(\.id))
        #expect(!second.jobs.contains { $0.isVanished }, "no job counts as missing from a listing that showed it")
    }

    @Test("a running job that disappears is kept and marked vanished after its status call says 404")
    func vanishedRunning() async throws {
        let (api, poller) = await mostlyFinished()
        api.remove("bjb-0003")
        let snapshot = await poller.pollOnce()
        #expect(api.statusCalls == ["bjb-0003"])
        let job = try #require(snapshot.jobs.first { $0.id == "bjb-0003" })
        #expect(job.isVanished)
        #expect(job.job.processedItems == 3)
        api.resetCounts()
        await poller.pollOnce()
        #expect(api.statusCalls.isEmpty)
    }

    @Test("a finished job missing from the full rescan is marked vanished without a status call")
    func vanishedFinished() async throws {
        let (api, poller) = await mostlyFinished()
        api.remove("bjb-0999")
        for _ in 0..<10 { await poller.pollOnce() }
        #expect(api.statusCalls.isEmpty)
        #expect(await poller.tracked["bjb-0999"]?.isVanished == true)
        #expect(await poller.order.count == 1000)
    }

    @Test("statuses the client does not know are refreshed by the full rescan only")
    func unknownStatus() async throws {
        let api = FakeBatchAPI(jobs: [wireJob("bjb-odd", status: "paused", processed: 1)] + fleet(1000, finished: 950))
        let poller = Poller(api: api, configuration: PollerConfiguration(fullScanEvery: 4))
        let first = await poller.pollOnce()
        #expect(first.jobs.first { $0.id == "bjb-odd" }?.job.status == .other("paused"))
        api.update("bjb-odd") { $0.processedItems = 5 }
        for _ in 0..<3 {
            let snapshot = await poller.pollOnce()
            #expect(snapshot.jobs.first { $0.id == "bjb-odd" }?.job.processedItems == 1)
        }
        #expect(api.statusCalls.isEmpty)
        let rescan = await poller.pollOnce()
        #expect(rescan.jobs.first { $0.id == "bjb-odd" }?.job.processedItems == 5)
        #expect(api.listCalls.suffix(11).allSatisfy { $0.status == nil })
    }

    @Test("refresh() rescans everything at once")
    func refreshRescans() async {
        let (api, poller) = await mostlyFinished()
        await poller.refresh()
        await poller.pollOnce()
        #expect(api.listCalls.count == 10)
        #expect(api.listCalls.allSatisfy { $0.status == nil })
    }

    @Test("with --status, exactly those statuses are listed each cycle; a job leaving them keeps its final state")
    func userStatusFilter() async throws {
        let api = FakeBatchAPI(jobs: fleet(1000, finished: 950))
        let poller = Poller(api: api, configuration: PollerConfiguration(statuses: ["running"]))
        let first = await poller.pollOnce()
        #expect(first.jobs.count == 50)
        api.update("bjb-0001") { job in
            job.status = "completed"
            job.processedItems = 10
        }
        api.resetCounts()
        let second = await poller.pollOnce()
        #expect(api.listCalls.map(\.status) == ["running"])
        #expect(api.statusCalls == ["bjb-0001"])
        let job = try #require(second.jobs.first { $0.id == "bjb-0001" })
        #expect(job.job.status == .completed)
        #expect(!job.isVanished)
        api.resetCounts()
        await poller.pollOnce()
        #expect(api.requestCount == 1)
    }

    @Test("a failed listing marks only the unfinished jobs it covered; the API's recovery clears it")
    func staleAndRecovery() async throws {
        let (api, poller) = await mostlyFinished()
        api.setListFailure(.server(status: 502, detail: "bad gateway"))
        let failed = await poller.pollOnce()
        #expect(failed.health.state == .degraded)
        let running = failed.jobs.filter { $0.job.status == .running }
        let finished = failed.jobs.filter { $0.job.status == .completed }
        #expect(running.count == 50)
        #expect(running.allSatisfy { $0.fetchError == "server error 502: bad gateway" && $0.job.processedItems == 3 })
        #expect(finished.allSatisfy { $0.fetchError == nil })
        let later = failed.takenAt.addingTimeInterval(60)
        #expect(running.allSatisfy { $0.isStale(at: later, interval: 2) })
        #expect(!finished.contains { $0.isStale(at: later, interval: 2) })
        api.setListFailure(nil)
        let recovered = await poller.pollOnce()
        #expect(recovered.health.state == .ok)
        #expect(recovered.jobs.allSatisfy { $0.fetchError == nil })
        #expect(recovered.jobs.count == 1000)
    }

    @Test("when more jobs leave the active listings at once than a full scan has pages, the next cycle lists everything")
    func massDeparture() async throws {
        // 5,000 jobs, 1,000 running: a full scan is 50 pages, an active cycle 12.
        let api = FakeBatchAPI(jobs: fleet(5000, finished: 4000))
        let poller = Poller(api: api, configuration: PollerConfiguration())
        await poller.pollOnce()
        for index in 0..<500 {
            api.update(String(format: "bjb-%04d", index)) { job in
                job.status = "completed"
                job.processedItems = 10
            }
        }
        api.resetCounts()
        await poller.pollOnce()
        #expect(api.statusCalls.isEmpty, "\(api.statusCalls.count) status calls instead of a 50-page scan")
        api.resetCounts()
        let snapshot = await poller.pollOnce()
        #expect(api.listCalls.contains { $0.status == nil }, "the next cycle is a full scan")
        #expect(api.requestCount <= 50)
        let finished = snapshot.jobs.filter { $0.job.status == .completed }
        #expect(finished.count == 4500, "the 500 that finished and the 4,000 finished before")
    }

    @Test("a few departures still get one status call each")
    func fewDepartures() async throws {
        let api = FakeBatchAPI(jobs: fleet(5000, finished: 4000))
        let poller = Poller(api: api, configuration: PollerConfiguration())
        await poller.pollOnce()
        for index in 0..<5 { api.update(String(format: "bjb-%04d", index)) { $0.status = "failed" } }
        api.resetCounts()
        await poller.pollOnce()
        #expect(api.statusCalls.count == 5)
    }
}
