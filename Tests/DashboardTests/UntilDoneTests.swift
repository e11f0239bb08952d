import Dashboard
import Foundation
import JobMonitor
import Testing

@Suite struct UntilDoneTests {
    private func snapshot(
        _ statuses: [JobStatus], ok: Bool = true, unauthorized: Bool = false, failures: Int = 0, failedItems: Int = 0,
        vanished: Set<Int> = []
    ) -> Snapshot {
        let jobs = statuses.enumerated().map { index, status in
            TrackedJob(
                job: Job(id: "bjb-\(index)", type: .parse, status: status, totalItems: 1, failedItems: failedItems),
                fetchedAt: Fixtures.now, isVanished: vanished.contains(index))
        }
        let health = APIHealth(lastSuccess: ok ? Fixtures.now : nil, consecutiveFailures: failures, isUnauthorized: unauthorized)
        return Snapshot(jobs: jobs, health: health, takenAt: Fixtures.now, interval: 2)
    }

    private func code(_ snapshot: Snapshot?, _ policy: UntilDonePolicy = UntilDonePolicy(), elapsed: TimeInterval = 0) -> Int32? {
        UntilDone.exitCode(for: snapshot, policy: policy, elapsed: elapsed)
    }

    @Test func exitCodes() {
        #expect(UntilDone.exitCode(for: snapshot([.completed, .completed])) == 0)
        #expect(UntilDone.exitCode(for: snapshot([.completed, .failed, .cancelled])) == 1)
        #expect(UntilDone.exitCode(for: snapshot([.completed, .cancelled])) == 2)
        #expect(UntilDone.exitCode(for: snapshot([.completed], unauthorized: true)) == 4)
    }

    @Test func notDoneYet() {
        #expect(UntilDone.exitCode(for: snapshot([.completed, .running])) == nil)
        #expect(UntilDone.exitCode(for: snapshot([.completed, .other("throttled")])) == nil)
        #expect(UntilDone.exitCode(for: snapshot([])) == nil)
        #expect(UntilDone.exitCode(for: snapshot([.completed], ok: false)) == nil)
    }

    @Test("pending jobs are waited for, whatever the others did (without --fail-fast)")
    func pendingIsWaitedFor() {
        #expect(code(snapshot([.completed, .pending])) == nil)
        #expect(code(snapshot([.failed, .pending])) == nil)
        #expect(code(snapshot([.cancelled, .dispatched])) == nil)
        #expect(code(nil) == nil)
    }

    @Test("3: the total timeout is reached before the jobs finish; finished jobs win over a timeout")
    func timeout() {
        let policy = UntilDonePolicy(timeoutTotal: 600)
        #expect(code(snapshot([.running]), policy, elapsed: 599) == nil)
        #expect(code(snapshot([.running]), policy, elapsed: 600) == 3)
        #expect(code(nil, policy, elapsed: 601) == 3)
        #expect(code(snapshot([.pending], ok: false), policy, elapsed: 700) == 3)
        #expect(code(snapshot([.completed]), policy, elapsed: 700) == 0)
        #expect(code(snapshot([.running]), UntilDonePolicy(), elapsed: 1e9) == nil)
    }

    @Test("5: a watched job not found or vanished before it finished; a finished job that vanished keeps its outcome")
    func vanished() {
        #expect(code(snapshot([.other("unknown"), .running], vanished: [0])) == 5)
        #expect(code(snapshot([.running, .completed], vanished: [0])) == 5)
        #expect(code(snapshot([.completed, .completed], vanished: [0])) == 0)
    }

    @Test("6: --max-api-errors failed polls in a row; fewer keep waiting; by default it never gives up")
    func apiErrors() {
        let policy = UntilDonePolicy(maxAPIErrors: 3)
        #expect(code(snapshot([.running], failures: 2), policy) == nil)
        #expect(code(snapshot([.running], failures: 3), policy) == 6)
        #expect(code(snapshot([.running], ok: false, failures: 3), policy) == 6)
        #expect(code(snapshot([.running], failures: 500)) == nil)
        #expect(code(snapshot([.running], unauthorized: true, failures: 3), policy) == 4)
    }

    @Test("--fail-fast: 1 as soon as one job failed, while others still run; without a failure it waits")
    func failFast() {
        let policy = UntilDonePolicy(failFast: true)
        #expect(code(snapshot([.failed, .running, .pending]), policy) == 1)
        #expect(code(snapshot([.cancelled, .running]), policy) == nil)
        #expect(code(snapshot([.completed, .running]), policy) == nil)
        #expect(code(snapshot([.completed, .cancelled]), policy) == 2)
    }

    @Test("--fail-on-items: a finished job with failed items is a failure (1); without the flag it is not")
    func failOnItems() {
        let policy = UntilDonePolicy(failOnItems: true)
        #expect(code(snapshot([.completed, .completed], failedItems: 2), policy) == 1)
        #expect(code(snapshot([.completed, .cancelled], failedItems: 1), policy) == 1)
        #expect(code(snapshot([.completed], failedItems: 0), policy) == 0)
        #expect(code(snapshot([.completed], failedItems: 2)) == 0)
        #expect(code(snapshot([.completed, .running], failedItems: 2), policy) == nil)
        #expect(code(snapshot([.running, .completed], failedItems: 2), UntilDonePolicy(failFast: true, failOnItems: true)) == 1)
    }

    @Test func reasons() {
        for code in Int32(0)...6 { #expect(!UntilDone.reason(for: code).isEmpty) }
        #expect(UntilDone.reason(for: 3).contains("timeout"))
    }
}
