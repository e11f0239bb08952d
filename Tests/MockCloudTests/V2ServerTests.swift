import Foundation
import Testing

@testable import MockCloud

@Suite("v2 Batches API of the mock server over loopback")
struct V2ServerTests {
    @Test("batch pages are disjoint, cover every batch newest first, and end with next_page_token null")
    func pagination() async throws {
        try await withServer(.batches(count: 45, files: 10)) { server in
            let (batches, pages) = try await allV2Pages(server, "/api/v2/batches?page_size=10", as: V2TestBatch.self)
            #expect(pages == 5)
            #expect(batches.count == 45)
            #expect(Set(batches.map(\.id)).count == 45)
            let expected = BatchScenarioPlans.scale(batches: 45, files: 10, seed: 1).map(\.id)
            #expect(batches.map(\.id) == expected, "newest (index 0) first")
            let last = try await send(server, "/api/v2/batches?page_size=10&page_token=o40")
            #expect(String(decoding: last.body, as: UTF8.self).contains(#""next_page_token":null"#))
            let clamped = try await send(server, "/api/v2/batches?page_size=1000")
            #expect(try clamped.decode(V2TestPage<V2TestBatch>.self).items.count == 45)
            let invalid = try await send(server, "/api/v2/batches?page_token=garbage")
            #expect(invalid.status == 400)
            #expect(invalid.detail == "Invalid page_token")
            #expect(server.requestCounts[.listBatches] == pages + 3)
        }
    }

    @Test("the status filter is case-insensitive and the statuses partition the batches")
    func statusFilter() async throws {
        try await withServer(.demo()) { server in
            let (all, _) = try await allV2Pages(server, "/api/v2/batches?page_size=100", as: V2TestBatch.self)
            var total = 0
            for status in ["PENDING", "RUNNING", "THROTTLED", "COMPLETED", "FAILED", "CANCELLED"] {
                let (some, _) = try await allV2Pages(
                    server, "/api/v2/batches?status=\(status.lowercased())", as: V2TestBatch.self)
                #expect(some.allSatisfy { $0.status == status })
                total += some.count
            }
            #expect(total == all.count)
            let running = try await allV2Pages(server, "/api/v2/batches?status=RUNNING", as: V2TestBatch.self)
            #expect(!running.items.isEmpty)
            let directory = demoBatchPlans[2].directoryID
            let one = try await allV2Pages(server, "/api/v2/batches?source_directory_id=\(directory)", as: V2TestBatch.self)
            #expect(one.items.map(\.id) == [demoBatchPlans[2].id])
        }
    }

    @Test("results come only with expand=results; unknown batches and routes are 404; no key is 401")
    func expandAndErrors() async throws {
        let clock = TestClock()
        try await withServer(.demo(), clock: clock) { server in
            clock.advance(by: 5)
            let id = demoBatchPlans[2].id
            let plain = try await send(server, "/api/v2/batches/\(id)")
            #expect(plain.status == 200)
            #expect(try plain.decode(V2TestBatch.self).results == nil)
            let expanded = try await send(server, "/api/v2/batches/\(id)?expand=results")
            let results = try #require(try expanded.decode(V2TestBatch.self).results)
            #expect(!results.isEmpty)
            #expect(results.allSatisfy { ($0.jobReference == nil) != ($0.errorMessage == nil) })
            #expect(results.allSatisfy { $0.jobReference.map { $0.type == "parse_v2" && $0.id.hasPrefix("pjb-") } ?? true })
            #expect(try await send(server, "/api/v2/batches/bat-nope").status == 404)
            #expect(try await send(server, "/api/v2/nothing").status == 404)
            #expect(try await send(server, "/api/v2/batches/\(id)/results").status == 404)
            #expect(try await send(server, "/api/v2/batches/\(id)/cancel").status == 405)
            #expect(try await send(server, "/api/v2/parse/pjb-nope").status == 404)
            for path in ["/api/v2/batches", "/api/v2/batches/\(id)", "/api/v2/parse", "/api/v1/beta/directories/x"] {
                let response = try await send(server, path, key: nil)
                #expect(response.status == 401)
                #expect(response.detail == "Invalid or missing API key")
            }
        }
    }

    @Test("a batch whose results stay null while it runs shows them once it completed")
    func hiddenResults() async throws {
        let clock = TestClock()
        try await withServer(.demo(), clock: clock) { server in
            let id = demoBatchPlans[3].id
            let running = try await send(server, "/api/v2/batches/\(id)?expand=results")
            let batch = try running.decode(V2TestBatch.self)
            #expect(batch.status == "RUNNING")
            #expect(batch.results == nil)
            #expect(String(decoding: running.body, as: UTF8.self).contains(#""results":null"#))
            clock.advance(by: 200)
            let done = try await send(server, "/api/v2/batches/\(id)?expand=results").decode(V2TestBatch.self)
            #expect(done.status == "COMPLETED")
            #expect(done.results?.count == 60)
        }
    }

    @Test("a cancel answers with the running batch, which turns CANCELLED 1.5 s later; unfinished jobs are CANCELLED")
    func cancel() async throws {
        let clock = TestClock()
        try await withServer(.demo(), clock: clock) { server in
            clock.advance(by: 30)
            let plan = demoBatchPlans[7]
            let answer = try await send(server, "/api/v2/batches/\(plan.id)/cancel", method: "POST")
            #expect(answer.status == 200)
            #expect(try answer.decode(V2TestBatch.self).status == "RUNNING")
            clock.advance(by: 1)
            #expect(try await send(server, "/api/v2/batches/\(plan.id)").decode(V2TestBatch.self).status == "RUNNING")
            clock.advance(by: 1)
            let after = try await send(server, "/api/v2/batches/\(plan.id)?expand=results").decode(V2TestBatch.self)
            #expect(after.status == "CANCELLED")
            let ids = (after.results ?? []).compactMap { $0.jobReference?.id }
            #expect(!ids.isEmpty)
            let query = ids.map { "job_ids=\($0)" }.joined(separator: "&")
            let (jobs, _) = try await allV2Pages(server, "/api/v2/extract?\(query)&page_size=100", as: V2TestJob.self)
            #expect(jobs.count == ids.count)
            #expect(jobs.allSatisfy { ["COMPLETED", "FAILED", "CANCELLED"].contains($0.status ?? "") })
            #expect(jobs.contains { $0.status == "CANCELLED" })
            clock.advance(by: 60)
            let later = try await send(server, "/api/v2/batches/\(plan.id)?expand=results").decode(V2TestBatch.self)
            #expect(later.results?.count == after.results?.count, "no file is mapped after the cancel")
            let again = try await send(server, "/api/v2/batches/\(plan.id)/cancel", method: "POST")
            #expect(again.status == 409)
            #expect(server.requestCounts[.cancelBatch] == 2)
        }
    }

    @Test("cancelling a batch in an end state is a 409 with a detail")
    func cancelFinished() async throws {
        try await withServer(.demo()) { server in
            for plan in [demoBatchPlans[0], demoBatchPlans[6]] {
                let response = try await send(server, "/api/v2/batches/\(plan.id)/cancel", method: "POST")
                #expect(response.status == 409)
                #expect(response.detail?.contains("cannot be cancelled") == true)
            }
            #expect(try await send(server, "/api/v2/batches/bat-nope/cancel", method: "POST").status == 404)
        }
    }

    @Test("a bulk job_ids fetch returns exactly the asked jobs, paged, and counts the ids asked")
    func bulkJobs() async throws {
        let clock = TestClock()
        try await withServer(.demo(), clock: clock) { server in
            clock.advance(by: 20)
            let batch = try await send(server, "/api/v2/batches/\(demoBatchPlans[2].id)?expand=results")
                .decode(V2TestBatch.self)
            let ids = Array((batch.results ?? []).compactMap { $0.jobReference?.id }.prefix(7))
            try #require(ids.count == 7)
            server.resetRequestCounts()
            let query = (ids + ["pjb-unknown-1"]).map { "job_ids=\($0)" }.joined(separator: "&")
            let (jobs, pages) = try await allV2Pages(server, "/api/v2/parse?\(query)&page_size=3", as: V2TestJob.self)
            #expect(jobs.map(\.id) == ids)
            #expect(pages == 3)
            let counts = server.requestCounts
            #expect(counts[.listParseJobs] == 3)
            #expect(counts.jobIDsAsked == 24)
            #expect(counts.mostJobIDsInOneCall == 8)
            #expect(counts.total == 3)
            let single = try await send(server, "/api/v2/parse/\(ids[0])")
            #expect(String(decoding: single.body, as: UTF8.self).hasPrefix(#"{"job":{"#))
            let wrongKind = try await send(server, "/api/v2/extract?job_ids=\(ids[0])")
            #expect(try wrongKind.decode(V2TestPage<V2TestJob>.self).items.isEmpty)
        }
    }

    @Test("directory files page with a clamped page size and cover the directory")
    func directoryFiles() async throws {
        try await withServer(.demo()) { server in
            let plan = demoBatchPlans[2]
            let directory = try await send(server, "/api/v1/beta/directories/\(plan.directoryID)")
            #expect(directory.status == 200)
            let (files, pages) = try await allV2Pages(
                server, "/api/v1/beta/directories/\(plan.directoryID)/files?page_size=500", as: V2TestJob.self)
            #expect(pages == 2)
            #expect(files.count == 200)
            #expect(Set(files.map(\.id)).count == 200)
            #expect(try await send(server, "/api/v1/beta/directories/dir-nope/files").status == 404)
            #expect(server.requestCounts[.getDirectory] == 1)
            #expect(server.requestCounts[.listDirectoryFiles] == 3)
        }
    }

    @Test("the demo shows THROTTLED within 15 s, mapping errors, a FAILED batch and a throttled extract job")
    func demoCases() async throws {
        let clock = TestClock()
        try await withServer(.demo(), clock: clock) { server in
            var sawThrottled = false
            var elapsed = 0.0
            for _ in 0..<15 where !sawThrottled {
                clock.advance(by: 1)
                elapsed += 1
                let page = try await send(server, "/api/v2/batches?status=THROTTLED").decode(V2TestPage<V2TestBatch>.self)
                sawThrottled = !page.items.isEmpty
            }
            #expect(sawThrottled)
            let throttled = demoBatchPlans[1]
            let batch = try await send(server, "/api/v2/batches/\(throttled.id)?expand=results").decode(V2TestBatch.self)
            let query = (batch.results ?? []).compactMap { $0.jobReference?.id }.map { "job_ids=\($0)" }.joined(separator: "&")
            let (jobs, _) = try await allV2Pages(server, "/api/v2/extract?\(query)&page_size=100", as: V2TestJob.self)
            #expect(jobs.contains { $0.status == "THROTTLED" })
            clock.advance(by: 30 - elapsed)
            let all = try await allV2Pages(server, "/api/v2/batches?expand=results", as: V2TestBatch.self).items
            #expect(all.contains { $0.status == "FAILED" })
            var mappingErrors = 0
            for summary in all {
                let full = try await send(server, "/api/v2/batches/\(summary.id)?expand=results").decode(V2TestBatch.self)
                mappingErrors += (full.results ?? []).filter { $0.errorMessage != nil && $0.jobReference == nil }.count
            }
            #expect(mappingErrors > 0)
        }
    }

    @Test("30 s into the demo, jobs of every status exist; failed jobs carry an error message")
    func demoJobStatuses() async throws {
        let clock = TestClock()
        try await withServer(.demo(), clock: clock) { server in
            clock.advance(by: 30)
            for kind in ["parse", "extract"] {
                for status in ["PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"] {
                    let response = try await send(server, "/api/v2/\(kind)?status=\(status)&page_size=100")
                    let jobs = try response.decode(V2TestPage<V2TestJob>.self).items
                    #expect(!jobs.isEmpty, "no \(status) \(kind) job")
                    #expect(jobs.allSatisfy { $0.status == status })
                    if status == "FAILED" {
                        #expect(!String(decoding: response.body, as: UTF8.self).contains(#""error_message":null"#))
                    }
                }
            }
            let (all, pages) = try await allV2Pages(server, "/api/v2/parse?page_size=100", as: V2TestJob.self)
            #expect(pages > 1)
            #expect(Set(all.map(\.id)).count == all.count, "cursor pages are disjoint")
        }
    }

    @Test("faults can target one kind of v2 call")
    func faults() async throws {
        try await withServer(.demo()) { server in
            server.injectFaults([.rateLimited(retryAfter: 3)], on: .v2(.getBatch))
            #expect(try await send(server, "/api/v2/batches").status == 200)
            let limited = try await send(server, "/api/v2/batches/\(demoBatchPlans[0].id)")
            #expect(limited.status == 429)
            #expect(try await send(server, "/api/v2/batches/\(demoBatchPlans[0].id)").status == 200)
        }
    }

    // How fast is for the benchmarks and the scale scripts: a wall-clock bound here failed whenever the test run's
    // CPU-bound suites held the concurrency pool (20 s in one CI run), which says nothing about the server.
    @Test("batches:1000:1000 serves a listing and a full mapping; v1-only scenarios have no batches")
    func scale() async throws {
        try await withServer(.batches(count: 1000, files: 1000)) { server in
            let page = try await send(server, "/api/v2/batches?page_size=100").decode(V2TestPage<V2TestBatch>.self)
            #expect(page.items.count == 100)
            let old = BatchScenarioPlans.scale(batches: 1000, files: 1000, seed: 1)[500]
            let batch = try await send(server, "/api/v2/batches/\(old.id)?expand=results").decode(V2TestBatch.self)
            #expect(batch.status == "COMPLETED")
            #expect(batch.results?.count == 1000)
        }
        try await withServer(.steady(runningJobs: 3)) { server in
            let page = try await send(server, "/api/v2/batches").decode(V2TestPage<V2TestBatch>.self)
            #expect(page.items.isEmpty && page.nextPageToken == nil)
            #expect(try await send(server, "/api/v1/beta/batch-processing").status == 200)
        }
    }
}
