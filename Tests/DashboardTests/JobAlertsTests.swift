import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// A job that finishes is announced once per transition: status line, and with `--notify` bell and notification.
@Suite struct JobAlertsTests {
    private func job(_ id: String, _ status: JobStatus) -> TrackedJob {
        TrackedJob(job: Job(id: id, type: .parse, status: status, totalItems: 10, processedItems: 5), fetchedAt: Fixtures.ago(1))
    }

    private func state(_ alerts: AlertSettings, jobs: [TrackedJob]) -> AppState {
        var state = Fixtures.state(snapshot: Fixtures.snapshot(jobs))
        state.alerts = alerts
        return state
    }

    @Test("a job that fails is announced once: status line, bell and notification; the same snapshot again is silent")
    func onceAndNotify() {
        var state = state(AlertSettings(statusLine: true, notify: true), jobs: [job("bjb-a", .running), job("bjb-b", .running)])
        let finished = Fixtures.snapshot([job("bjb-a", .failed), job("bjb-b", .running)])
        let effects = Reducer.reduce(&state, .snapshot(finished))
        #expect(state.statusMessage == "✘ bjb-a failed")
        #expect(effects == [.terminal(.bell), .terminal(.notification(title: "batchtop: job failed", body: "✘ bjb-a failed"))])
        state.statusMessage = nil
        #expect(Reducer.reduce(&state, .snapshot(finished)) == [])
        #expect(state.statusMessage == nil)
    }

    @Test("without --notify only the status line; with alerts off, nothing")
    func settings() {
        var quiet = state(AlertSettings(statusLine: true), jobs: [job("bjb-a", .running)])
        #expect(Reducer.reduce(&quiet, .snapshot(Fixtures.snapshot([job("bjb-a", .completed)]))) == [])
        #expect(quiet.statusMessage == "✔ bjb-a completed")
        var off = state(AlertSettings(), jobs: [job("bjb-a", .running)])
        #expect(Reducer.reduce(&off, .snapshot(Fixtures.snapshot([job("bjb-a", .completed)]))) == [])
        #expect(off.statusMessage == nil)
    }

    /// What `JobAlerts.finished` announces, by the definition: every job of `current` that was in `previous` (its
    /// first occurrence there) unfinished and is finished now, in `current`'s order.
    private func reference(_ previous: JobList, _ current: JobList) -> [String] {
        let before = Dictionary(previous.map { ($0.id, $0.job.status) }, uniquingKeysWith: { first, _ in first })
        return current.compactMap { tracked in
            guard let old = before[tracked.id], !old.isTerminal, tracked.job.status.isTerminal else { return nil }
            return tracked.id
        }
    }

    @Test(
        "across chunks of the job list: jobs finished in place, in a chunk written since, and after jobs were added or dropped",
        arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func largeListsByPositionAndByID(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let statuses: [JobStatus] = [.running, .pending, .completed, .failed, .cancelled]
        let count = 2 * JobList.chunkLength + random.int(in: 1...3_000)
        let previous = JobList((0..<count).map { job("bjb-\($0)", statuses[random.int(in: 0...4)]) })
        var current = previous
        // Some jobs change status in place: their chunks are copied, the others stay shared.
        for _ in 0..<random.int(in: 0...40) {
            let position = random.int(in: 0...(count - 1))
            current[position] = job(current[position].id, statuses[random.int(in: 0...4)])
        }
        // Every other seed: jobs added at the front and one dropped, so positions no longer match.
        if seed % 2 == 0 {
            var moved = current.array
            moved.remove(at: random.int(in: 0...(count - 1)))
            moved.insert(contentsOf: [job("bjb-new-1", .completed), job("bjb-new-2", .running)], at: 0)
            current = JobList(moved)
        }
        let found = JobAlerts.finished(from: Fixtures.snapshot(previous.array), to: Fixtures.snapshot(current.array))
            .map(\.id)
        let shared = JobAlerts.finished(
            from: Snapshot(jobs: previous, health: APIHealth(), takenAt: Fixtures.now, interval: 2),
            to: Snapshot(jobs: current, health: APIHealth(), takenAt: Fixtures.now, interval: 2)
        ).map(\.id)
        #expect(found == reference(previous, current))
        #expect(shared == reference(previous, current), "with the chunks both lists share")
    }

    @Test("jobs already finished when first seen, and new jobs, are not news; several at once are summed up")
    func onlyTransitions() {
        var state = state(AlertSettings(statusLine: true), jobs: [])
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot([job("bjb-a", .completed), job("bjb-b", .running)])))
        #expect(state.statusMessage == nil)
        let many = ["bjb-b", "bjb-c", "bjb-d", "bjb-e"]
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(many.map { job($0, .running) })))
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(many.map { job($0, .cancelled) })))
        #expect(state.statusMessage == "4 jobs finished: ⊘ bjb-b cancelled, ⊘ bjb-c cancelled, ⊘ bjb-d cancelled, …")
    }
}
