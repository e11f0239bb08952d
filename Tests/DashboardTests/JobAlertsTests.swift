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
