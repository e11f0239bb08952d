import Foundation
import LlamaCloud
import Testing

@testable import MockCloud

@Suite("Churn scenario and random faults")
struct ChurnScenarioTests {
    @Test("about N jobs exist at any time, in every phase, and the set keeps changing")
    func population() async {
        let clock = TestClock()
        let store = MockStore(scenario: .churn(jobs: 300), now: { clock.now() })
        let first = await allJobs(store)
        #expect((200...400).contains(first.count), "\(first.count) jobs")
        let statuses = Set(first.map(\.status))
        #expect(statuses.isSuperset(of: ["pending", "running", "completed", "failed"]), "\(statuses)")
        #expect(Set(first.map(\.id)).count == first.count)
        clock.advance(by: 600)
        let later = await allJobs(store)
        #expect((200...400).contains(later.count), "\(later.count) jobs after 10 minutes")
        let kept = Set(first.map(\.id)).intersection(later.map(\.id))
        #expect(kept.isEmpty, "\(kept.count) jobs still listed after 10 minutes, longer than any churn job lives")
    }

    @Test("a job runs, finishes, stays listed a while, then leaves: the listing drops it and its status call is a 404")
    func jobLeaves() async throws {
        let clock = TestClock()
        let store = MockStore(scenario: .churn(jobs: 100), now: { clock.now() })
        let pending = try #require(await allJobs(store, JobListQuery(status: "pending")).first)
        var statuses: [String] = []
        var gone = false
        for _ in 0..<(Int(ScenarioPlans.churnLifetime) + 5) {
            clock.advance(by: 1)
            do throws(MockFailure) {
                let status = try store.status(of: pending.id).job.status
                if statuses.last != status { statuses.append(status) }
            } catch {
                #expect(error.status == 404)
                gone = true
                break
            }
        }
        #expect(gone, "the job never left: \(statuses)")
        #expect(statuses.first == "pending")
        #expect(["completed", "failed", "cancelled"].contains(statuses.last ?? ""), "\(statuses)")
        #expect(!(await allJobs(store)).contains { $0.id == pending.id })
    }

    @Test("the listing's pages of a churn project agree with its total and its status filter")
    func pagesAndFilters() async {
        let clock = TestClock()
        let store = MockStore(scenario: .churn(jobs: 500), now: { clock.now() })
        let all = await allJobs(store)
        var byStatus = 0
        for status in ["pending", "dispatched", "running", "completed", "failed", "cancelled"] {
            let some = await allJobs(store, JobListQuery(limit: 37, status: status))
            #expect(some.allSatisfy { $0.status == status })
            byStatus += some.count
        }
        #expect(byStatus == all.count)
    }

    @Test("random faults: none at rate 0, every request at rate 1, about a quarter at 0.25, every kind drawn")
    func faultRate() {
        let none = FaultInjector(faults: [], rate: 0)
        #expect((0..<1000).allSatisfy { _ in none.take(for: .list) == nil })
        let all = FaultInjector(faults: [], rate: 1)
        #expect((0..<1000).allSatisfy { _ in all.take(for: .status) != nil })
        let some = FaultInjector(faults: [], rate: 0.25)
        let drawn = (0..<4000).compactMap { _ in some.take(for: .list) }
        #expect((800...1200).contains(drawn.count), "\(drawn.count) faults in 4000 requests")
        #expect(Set(FaultInjector.randomFaults.indices.filter { drawn.contains(FaultInjector.randomFaults[$0]) }).count
            == FaultInjector.randomFaults.count)
        #expect(some.counts.list == 4000)
    }

    @Test("scripted faults come first; random ones only answer what no scripted fault claims")
    func scriptedFirst() {
        let injector = FaultInjector(faults: [.truncateBody], rate: 1)
        #expect(injector.take(for: .list) == .truncateBody)
        #expect(injector.pending == 0)
        #expect(injector.take(for: .list) != nil)
    }

    @Test("a server started with a fault rate of 1 answers list calls with faults")
    func serverFaultRate() async throws {
        let server = try await MockCloudServer.start(
            MockCloudConfiguration(apiKey: testKey, scenario: .churn(jobs: 50), faultRate: 1))
        var broken = 0
        for _ in 0..<6 {
            // A reset mid-body is one of the faults: the request then fails instead of answering.
            guard let response = try? await send(server, "/api/v1/beta/batch-processing?limit=5") else {
                broken += 1
                continue
            }
            if response.status != 200 || (try? JSONDecoder().decode(JobListPage.self, from: response.body)) == nil {
                broken += 1
            }
        }
        await server.stop()
        #expect(broken >= 3, "only \(broken) of 6 answers were faults")
        #expect(server.requestCounts.list == 6)
    }
}
