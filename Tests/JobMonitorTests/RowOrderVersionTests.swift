import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

@Suite("Snapshot.rowOrderVersion: what the table's default order depends on")
struct RowOrderVersionTests {
    /// A running job created `minutesAgo` minutes before the poller's clock.
    private func job(_ id: String, status: String = "running", processed: Int = 1, minutesAgo: Double) -> BatchJob {
        BatchJob(
            id: id, jobType: "parse", projectID: "p", status: status, totalItems: 100, processedItems: processed,
            createdAt: Date(timeIntervalSince1970: 1_795_946_400 - minutesAgo * 60))
    }

    @Test("counts that change keep it; a status, a new job, a vanished job and a pruned one each change it")
    func bumps() async throws {
        let clock = ManualNow()
        let api = FakeBatchAPI(jobs: (0..<6).map { job("bjb-\($0)", minutesAgo: Double($0)) })
        let poller = Poller(
            api: api, configuration: PollerConfiguration(fullScanEvery: 1, vanishedRetention: 10), now: { clock.date })
        var last = try #require(await poller.pollOnce().rowOrderVersion)

        /// Polls once after `change` and returns whether the version moved (it never goes back).
        func cycle(_ change: () -> Void) async throws -> Bool {
            change()
            clock.advance(2)
            let version = try #require(await poller.pollOnce().rowOrderVersion)
            defer { last = version }
            #expect(version >= last)
            return version != last
        }

        #expect(try await !cycle { for index in 0..<6 { api.update("bjb-\(index)") { $0.processedItems = 5 } } })
        #expect(try await !cycle { for index in 0..<6 { api.update("bjb-\(index)") { $0.processedItems = 9 } } })
        #expect(try await cycle { api.update("bjb-2") { $0.status = "completed" } }, "a status")
        #expect(try await !cycle { api.update("bjb-3") { $0.processedItems = 40 } })
        #expect(try await cycle { api.update("bjb-3") { $0.status = "throttled" } }, "a status in the same group")
        #expect(try await cycle { api.setJobs(api.state.withLock { $0.jobs } + [job("bjb-new", minutesAgo: 0)]) })
        #expect(try await !cycle { api.update("bjb-new") { $0.processedItems = 2 } })
        #expect(try await cycle { api.remove("bjb-4") }, "vanished")
        #expect(try await !cycle {})
        clock.advance(20)
        #expect(try await cycle {}, "pruned after the retention")
        #expect(await poller.tracked["bjb-4"] == nil)
        #expect(try await !cycle {})
    }

    @Test("a v2 batch's cancel request and configuration type change it (the table filter reads them); its counts do not")
    func batchFilterFacts() {
        var table = JobTable()
        var job = Job(id: "bat-1", type: .parse, status: .running, totalItems: 10, processedItems: 1)
        job.batch = BatchFacts(configurationType: "parse_v2", configurationID: "cfg-1")
        table["bat-1"] = TrackedJob(job: job, fetchedAt: Date(timeIntervalSince1970: 1_795_946_400))
        var version = table.orderKeysVersion

        /// Stores the job after `change`; returns whether the version moved.
        func stored(_ change: (inout Job) -> Void) -> Bool {
            change(&job)
            table["bat-1"] = TrackedJob(job: job, fetchedAt: Date(timeIntervalSince1970: 1_795_946_400))
            defer { version = table.orderKeysVersion }
            return table.orderKeysVersion != version
        }

        #expect(!stored { $0.batch?.done = 4 }, "a count")
        #expect(stored { $0.batch?.cancelRequested = true }, "a cancel accepted")
        #expect(!stored { $0.batch?.done = 5 })
        #expect(stored { $0.batch?.configurationType = "extract_v2" }, "another configuration type")
        #expect(!stored { $0.processedItems = 3 })
        #expect(stored { $0.batch = nil }, "no batch facts any more")
    }

    @Test("an unknown status word that becomes another changes it; the same word, or the very same version, does not")
    func unknownStatusWords() {
        var table = JobTable()
        let fetchedAt = Date(timeIntervalSince1970: 1_795_946_400)
        var job = Job(id: "bjb-1", type: .parse, status: .other("paused_by_admin"), totalItems: 10, processedItems: 1)
        table["bjb-1"] = TrackedJob(job: job, fetchedAt: fetchedAt)
        var version = table.orderKeysVersion

        /// Stores the job after `change`; returns whether the version moved.
        func stored(_ change: (inout Job) -> Void) -> Bool {
            change(&job)
            table["bjb-1"] = TrackedJob(job: job, fetchedAt: fetchedAt)
            defer { version = table.orderKeysVersion }
            return table.orderKeysVersion != version
        }

        #expect(!stored { $0.processedItems = 2 }, "a count")
        #expect(!stored { $0.status = .other("paused_by_admin") }, "the same word again")
        #expect(stored { $0.status = .other("frozen") }, "another unknown word")
        #expect(stored { $0.status = .running }, "a known status")
        #expect(stored { $0.status = .other("frozen") }, "an unknown word again")
        #expect(!stored { $0.errorMessage = "slow" }, "extras that the filter does not read")
        let same = table["bjb-1"]
        table["bjb-1"] = same
        #expect(table.orderKeysVersion == version, "the version it holds, stored again")
    }

    @Test("a snapshot published while a listing pages in carries the version of what it holds")
    func progressiveSnapshots() async throws {
        var configuration = PollerConfiguration(fullScanEvery: 1)
        configuration.progressivePublishMinimum = 1
        configuration.progressivePublishShare = 0.1
        configuration.maxConcurrentRequests = 2
        let clock = ManualNow()
        let api = FakeBatchAPI(jobs: (0..<450).map { job(String(format: "bjb-%04d", $0), minutesAgo: Double($0)) })
        let poller = Poller(api: api, configuration: configuration, now: { clock.date })
        let first = try #require(await poller.pollOnce().rowOrderVersion)
        // Every job changes count, one changes status: the cycle's progressive snapshots and its own must not carry the
        // first version once the status change is in them, and the cycle's own must differ from the first.
        for index in 0..<450 { api.update(String(format: "bjb-%04d", index)) { $0.processedItems = 7 } }
        api.update("bjb-0300") { $0.status = "failed" }
        clock.advance(2)
        let collector = Task {
            var seen: [Snapshot] = []
            for await snapshot in poller.snapshots {
                seen.append(snapshot)
                if snapshot.jobs.contains(where: { $0.id == "bjb-0300" && $0.job.status == .failed }),
                    snapshot.loading == nil, snapshot.cycle == 2
                {
                    break
                }
            }
            return seen
        }
        let own = await poller.pollOnce()
        #expect(try #require(own.rowOrderVersion) != first)
        #expect(await poller.publication.progressCount > 0, "the cycle published as its listing paged in")
        collector.cancel()
        for snapshot in await collector.value {
            let failed = snapshot.jobs.contains { $0.id == "bjb-0300" && $0.job.status == .failed }
            if failed { #expect(snapshot.rowOrderVersion != first) }
        }
    }
}
