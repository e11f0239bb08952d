import Foundation
import LlamaCloud
import Testing

@testable import MockCloud

@Suite("Demo simulation")
struct SimulationTests {
    private static let statusRank = ["pending": 0, "dispatched": 1, "running": 2, "completed": 3]

    @Test("a pending demo job moves pending → running → completed as the injected clock advances")
    func pendingJobRunsToCompletion() async throws {
        let clock = TestClock()
        let store = MockStore(scenario: .demo(), now: { clock.now() })
        let pending = await allJobs(store, JobListQuery(status: "pending"))
        #expect(pending.count >= 2)
        var seen: [String: [String]] = [:]
        var last: [String: BatchJob] = [:]
        for _ in 0..<1_200 {
            for job in pending {
                let current = try store.status(of: job.id).job
                if seen[job.id]?.last != current.status { seen[job.id, default: []].append(current.status) }
                if let previous = last[job.id] {
                    #expect((Self.statusRank[current.status] ?? -1) >= (Self.statusRank[previous.status] ?? 99))
                    #expect((current.processedItems ?? 0) >= (previous.processedItems ?? 0))
                }
                last[job.id] = current
            }
            clock.advance(by: 1)
        }
        for job in pending {
            let statuses = seen[job.id] ?? []
            #expect(statuses.first == "pending")
            #expect(statuses.contains("running"))
            #expect(statuses.last == "completed")
            let final = try store.status(of: job.id)
            #expect(final.progressPercentage == 100)
            #expect(final.job.processedItems == final.job.totalItems)
            #expect(final.job.startedAt != nil && final.job.completedAt != nil)
        }
        // Two of the pending jobs pass through `dispatched` on their way.
        #expect(seen.values.filter { $0.contains("dispatched") }.count >= 1)
    }

    @Test("counts never decrease and never exceed the total, for every demo job over an hour")
    func countsAreMonotonicAndBounded() async throws {
        let clock = TestClock()
        let store = MockStore(scenario: .demo(seed: 7), now: { clock.now() })
        var previous: [String: BatchJob] = [:]
        for _ in 0..<200 {
            for job in await allJobs(store) {
                let processed = job.processedItems ?? 0
                let failed = job.failedItems ?? 0
                let skipped = job.skippedItems ?? 0
                #expect(processed <= job.totalItems)
                #expect(failed + skipped <= processed)
                if let before = previous[job.id] {
                    #expect(processed >= (before.processedItems ?? 0))
                    #expect(failed >= (before.failedItems ?? 0))
                    #expect(skipped >= (before.skippedItems ?? 0))
                    if ["completed", "failed", "cancelled"].contains(before.status) {
                        #expect(job == before, "a terminal job must not change")
                    }
                }
                previous[job.id] = job
            }
            clock.advance(by: 18)
        }
    }

    @Test("at the start the demo has every job type and running, completed, failed and cancelled jobs")
    func demoStartsWithEveryKindOfJob() async throws {
        let clock = TestClock()
        let store = MockStore(scenario: .demo(), now: { clock.now() })
        let page = store.listJobs(JobListQuery())
        let jobs = page.items
        #expect((20...28).contains(page.totalSize))
        #expect(Set(jobs.map(\.jobType)) == ["parse", "extract", "classify"])
        let statuses = Set(jobs.map(\.status))
        #expect(statuses.isSuperset(of: ["pending", "running", "completed", "failed", "cancelled"]))
        let failed = jobs.filter { $0.status == "failed" }
        #expect(failed.count >= 2)
        #expect(failed.allSatisfy { !($0.errorMessage ?? "").isEmpty })
        #expect(jobs.contains { $0.status == "completed" && ($0.failedItems ?? 0) > 0 })
        #expect(jobs.contains { ($0.skippedItems ?? 0) > 0 })
        #expect(jobs.filter { $0.status == "running" }.count >= 3)
        // Jobs present at the start were created before it; newest created first.
        let start = clock.now()
        #expect(jobs.allSatisfy { ($0.createdAt ?? .distantFuture) <= start })
        let created = jobs.compactMap(\.createdAt)
        #expect(created == created.sorted(by: >))
        // Over the demo, about four jobs fail.
        clock.advance(by: 400)
        let later = await allJobs(store)
        let failedLater = later.filter { $0.status == "failed" && $0.createdAt.map { $0 < start } == true }
        #expect(failedLater.count == 4)
        #expect(failedLater.contains { $0.errorMessage == "Worker crashed: out of memory while parsing page 212" })
    }

    @Test("new jobs appear as time passes")
    func jobsAppearLater() async throws {
        let clock = TestClock()
        let start = clock.now()
        let store = MockStore(scenario: .demo(), now: { clock.now() })
        let before = store.listJobs(JobListQuery()).totalSize
        clock.advance(by: 120)
        let page = store.listJobs(JobListQuery())
        #expect(page.totalSize > before)
        let newest = try #require(page.items.first)
        #expect((newest.createdAt ?? .distantPast) > start)
        #expect(["pending", "dispatched", "running", "completed"].contains(newest.status))
        // Arrivals are bounded: after many hours the list stops growing.
        clock.advance(by: 48 * 3600)
        let total = store.listJobs(JobListQuery(limit: 1)).totalSize
        clock.advance(by: 3600)
        let totalLater = store.listJobs(JobListQuery(limit: 1)).totalSize
        #expect(totalLater == total)
        #expect(total <= 24 + ScenarioPlans.maximumArrivals)
    }

    @Test("items agree with the job's counts at any time, and filtered pages agree with the full list")
    func itemsMatchCounts() async throws {
        let clock = TestClock()
        let store = MockStore(scenario: .demo(), now: { clock.now() })
        for step in 0..<3 {
            for job in await allJobs(store) {
                let items = try await allItems(store, job.id)
                #expect(items.count == job.totalItems)
                #expect(Set(items.map(\.itemID)).count == items.count)
                func count(_ status: String) -> Int { items.filter { $0.status == status }.count }
                #expect(count("failed") == job.failedItems)
                #expect(count("skipped") == job.skippedItems)
                #expect(count("completed") + count("failed") + count("skipped") == job.processedItems)
                #expect(items.filter { $0.status == "failed" }.allSatisfy { !($0.errorMessage ?? "").isEmpty })
                #expect(items.filter { $0.status == "skipped" }.allSatisfy { $0.skipReason != nil })
                if job.status == "cancelled" {
                    #expect(count("pending") == 0 && count("processing") == 0)
                    #expect(count("cancelled") == job.totalItems - (job.processedItems ?? 0))
                }
                if job.status == "running" { #expect(count("processing") >= 1) } else { #expect(count("processing") == 0) }
                // Processed items come first, in order.
                let firstUnprocessed = items.firstIndex { ["processing", "pending", "cancelled"].contains($0.status) }
                #expect((firstUnprocessed ?? items.count) == job.processedItems)
                for status in ["completed", "failed", "skipped", "processing", "pending", "cancelled"] {
                    let filtered = try await allItems(store, job.id, status: status, pageSize: 7)
                    #expect(filtered.map(\.itemID) == items.filter { $0.status == status }.map(\.itemID))
                }
            }
            clock.advance(by: step == 0 ? 45 : 600)
        }
    }

    @Test("the demo names files with non-ASCII characters and exactly one escape sequence")
    func specialNames() async throws {
        let clock = TestClock()
        let store = MockStore(scenario: .demo(), now: { clock.now() })
        var texts: [String] = []
        for job in await allJobs(store) {
            texts.append(job.errorMessage ?? "")
            for item in try await allItems(store, job.id) {
                texts += [item.itemName, item.errorMessage ?? "", item.skipReason ?? ""]
            }
        }
        #expect(texts.filter { $0.contains("\u{1B}[") }.count == 1)
        #expect(texts.contains { $0.hasSuffix("報告書-2026-Q3.pdf") })
        #expect(texts.contains { $0.hasSuffix("café-menu.docx") })
        #expect(texts.contains("Unsupported file type: .heic"))
        #expect(texts.contains("PDF is password-protected"))
        #expect(texts.contains("Timed out after 300 s"))
        #expect(texts.contains("already_processed"))
        #expect(texts.contains("size_limit_exceeded"))
    }

    @Test("the demo is deterministic per seed")
    func deterministic() async throws {
        let clock = TestClock()
        let first = MockStore(scenario: .demo(seed: 3), now: { clock.now() })
        let second = MockStore(scenario: .demo(seed: 3), now: { clock.now() })
        let other = MockStore(scenario: .demo(seed: 4), now: { clock.now() })
        clock.advance(by: 100)
        let firstJobs = await allJobs(first)
        let secondJobs = await allJobs(second)
        let otherJobs = await allJobs(other)
        #expect(!firstJobs.isEmpty)
        #expect(firstJobs == secondJobs)
        #expect(Set(firstJobs.map(\.id)).isDisjoint(with: otherJobs.map(\.id)))
    }

    @Test("cancelling freezes a running job; a second cancel is refused; an unknown job is not found")
    func cancelFreezesJob() async throws {
        let clock = TestClock()
        let store = MockStore(scenario: .demo(), now: { clock.now() })
        let running = try #require(store.listJobs(JobListQuery(status: "running")).items.last)
        clock.advance(by: 5)
        let response = try store.cancel(running.id)
        #expect(response.status == "cancelled")
        #expect(response.jobID == running.id)
        let atCancel = try store.status(of: running.id)
        #expect(atCancel.job.status == "cancelled")
        #expect(atCancel.job.processedItems == response.processedItems)
        #expect(atCancel.job.completedAt == clock.now())
        clock.advance(by: 3600)
        let later = try store.status(of: running.id)
        #expect(later.job == atCancel.job)
        #expect(later.progressPercentage == atCancel.progressPercentage)
        #expect(throws: MockFailure(status: 400, detail: "Job is already cancelled")) {
            try store.cancel(running.id)
        }
        #expect(throws: MockFailure.jobNotFound) { try store.cancel("bjb-nope") }
        #expect(throws: MockFailure.jobNotFound) { try store.status(of: "bjb-nope") }
    }

    @Test("steady jobs all keep running for hours at about one item per second")
    func steadyScenario() async throws {
        let clock = TestClock()
        let store = MockStore(scenario: .steady(runningJobs: 30), now: { clock.now() })
        let start = await allJobs(store)
        #expect(start.count == 30)
        #expect(start.allSatisfy { $0.status == "running" && $0.totalItems == 20_000 })
        clock.advance(by: 3 * 3600)
        let later = await allJobs(store)
        #expect(later.allSatisfy { $0.status == "running" })
        for job in later {
            let before = try #require(start.first { $0.id == job.id })
            let gained = (job.processedItems ?? 0) - (before.processedItems ?? 0)
            #expect((10_790...10_810).contains(gained))
        }
    }
}
