import Dashboard
import Foundation
import JobMonitor
import Testing

@Suite struct UntilDoneTests {
    private func snapshot(_ statuses: [JobStatus], ok: Bool = true, unauthorized: Bool = false) -> Snapshot {
        let jobs = statuses.enumerated().map { index, status in
            TrackedJob(job: Job(id: "bjb-\(index)", type: .parse, status: status, totalItems: 1), fetchedAt: Fixtures.now)
        }
        let health = APIHealth(lastSuccess: ok ? Fixtures.now : nil, isUnauthorized: unauthorized)
        return Snapshot(jobs: jobs, health: health, takenAt: Fixtures.now, interval: 2)
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
}
