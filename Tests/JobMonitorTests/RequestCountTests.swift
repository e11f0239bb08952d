import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// Requests per poll cycle, counted by the fake API. Cycle 1 is the first (full) scan; cycles 2…11 are the steady
/// state, which includes the periodic full rescan (every 10th cycle).
@Suite("Request counts per cycle")
struct RequestCountTests {
    static let sizes = [1, 100, 250, 1000]

    /// Runs 11 cycles and returns the requests of each.
    private func perCycle(_ api: FakeBatchAPI, _ configuration: PollerConfiguration) async -> [Int] {
        let poller = Poller(api: api, configuration: configuration)
        var counts: [Int] = []
        for _ in 0..<11 {
            api.resetCounts()
            await poller.pollOnce()
            counts.append(api.requestCount)
        }
        return counts
    }

    private func pages(_ count: Int) -> Int { max(1, (count + 99) / 100) }

    @Test("discovery, all jobs active: ⌈N/100⌉ list calls every cycle, no status call", arguments: sizes)
    func discoveryAllActive(count: Int) async {
        let api = FakeBatchAPI(jobs: fleet(count))
        let counts = await perCycle(api, PollerConfiguration())
        print("request counts: discovery, \(count) jobs, all active: \(counts)")
        #expect(counts == Array(repeating: pages(count), count: 11))
        #expect(api.statusCalls.isEmpty)
    }

    @Test("discovery, 95 % finished: never more than ⌈N/100⌉, and 3 calls between rescans at 1,000 jobs", arguments: sizes)
    func discoveryMostlyFinished(count: Int) async {
        let finished = count * 95 / 100
        let api = FakeBatchAPI(jobs: fleet(count, finished: finished))
        let counts = await perCycle(api, PollerConfiguration())
        print("request counts: discovery, \(count) jobs, \(finished) finished: \(counts)")
        #expect(counts.allSatisfy { $0 <= pages(count) })
        #expect(counts[0] == pages(count))
        if count == 1000 {
            // pending, running (50 jobs: one page), dispatched; the 11th cycle is the periodic full rescan.
            #expect(Array(counts[1...9]) == Array(repeating: 3, count: 9))
            #expect(counts[10] == 10)
        } else {
            // Listing everything costs no more than the three status-filtered listings.
            #expect(counts == Array(repeating: pages(count), count: 11))
        }
    }

    @Test("explicit IDs: one status call per unfinished job; finished jobs are fetched once", arguments: sizes)
    func explicitIDs(count: Int) async {
        let finished = count * 95 / 100
        let jobs = fleet(count, finished: finished)
        let allActive = await perCycle(FakeBatchAPI(jobs: fleet(count)), PollerConfiguration(jobIDs: jobs.map(\.id)))
        let api = FakeBatchAPI(jobs: jobs)
        let mostlyFinished = await perCycle(api, PollerConfiguration(jobIDs: jobs.map(\.id)))
        print("request counts: explicit IDs, \(count) jobs: all active \(allActive), \(finished) finished \(mostlyFinished)")
        #expect(allActive == Array(repeating: count, count: 11))
        #expect(mostlyFinished == [count] + Array(repeating: count - finished, count: 10))
        #expect(api.listCalls.isEmpty)
    }

    @Test("finished jobs are not polled again until refresh, then once")
    func terminalNotRepolled() async {
        let jobs = fleet(10, finished: 8)
        let api = FakeBatchAPI(jobs: jobs)
        let poller = Poller(api: api, configuration: PollerConfiguration(jobIDs: jobs.map(\.id)))
        for _ in 0..<5 { await poller.pollOnce() }
        let finishedIDs = Set(jobs.suffix(8).map(\.id))
        #expect(api.statusCalls.filter(finishedIDs.contains).count == 8)
        await poller.refresh()
        await poller.pollOnce()
        #expect(api.statusCalls.filter(finishedIDs.contains).count == 16)
        await poller.pollOnce()
        #expect(api.statusCalls.filter(finishedIDs.contains).count == 16)
    }

    @Test("list pages and status calls never exceed maxConcurrentRequests in flight")
    func boundedInFlight() async {
        let listing = FakeBatchAPI(jobs: fleet(1000), overlapYields: 20)
        await Poller(api: listing, configuration: PollerConfiguration(maxConcurrentRequests: 3)).pollOnce()
        #expect(listing.listCalls.count == 10)
        #expect(listing.maxInFlight <= 3)
        #expect(listing.maxInFlight >= 2, "pages were not fetched in parallel")

        let jobs = fleet(200)
        let watching = FakeBatchAPI(jobs: jobs, overlapYields: 20)
        await Poller(api: watching, configuration: PollerConfiguration(jobIDs: jobs.map(\.id))).pollOnce()
        #expect(watching.statusCalls.count == 200)
        #expect(watching.maxInFlight <= 8)
        #expect(watching.maxInFlight >= 2, "status calls were not made in parallel")
    }
}
