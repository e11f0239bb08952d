import Dashboard
import Foundation
import JobMonitor
import TerminalUI

/// Fixed data shared by the dashboard tests.
enum Fixtures {
    /// 2025-06-15 15:06:40 UTC.
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let interval: TimeInterval = 2

    static func ago(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(-seconds) }

    /// One job per status, deliberately not in display order.
    static let jobs: [TrackedJob] = [
        TrackedJob(
            job: Job(
                id: "bjb-done-005", type: .extract, status: .completed, totalItems: 12, processedItems: 12,
                failedItems: 0, skippedItems: 0, createdAt: ago(7200)),
            fetchedAt: ago(7000)),
        TrackedJob(
            job: Job(
                id: "bjb-fail-004", type: .parse, status: .failed, totalItems: 40, processedItems: 40, failedItems: 7,
                skippedItems: 1, createdAt: ago(3600), errorMessage: "quota exceeded"),
            fetchedAt: ago(500)),
        TrackedJob(
            job: Job(
                id: "bjb-thr-0003", type: .classify, status: JobStatus(raw: "throttled"), totalItems: 10,
                processedItems: 3, createdAt: ago(300)),
            fetchedAt: ago(1)),
        TrackedJob(
            job: Job(
                id: "bjb-run-000123456", type: .parse, status: .running, totalItems: 200, processedItems: 104,
                failedItems: 0, skippedItems: 0, createdAt: ago(600)),
            fetchedAt: ago(10)),
        TrackedJob(
            job: Job(
                id: "bjb-canc-006", type: .classify, status: .cancelled, totalItems: 30, processedItems: 9,
                skippedItems: 2, createdAt: ago(1800)),
            fetchedAt: ago(900), isVanished: true),
        TrackedJob(
            job: Job(
                id: "bjb-pend-002", type: .extract, status: .pending, totalItems: 50, processedItems: 0,
                createdAt: ago(60)),
            fetchedAt: ago(1)),
    ]

    static func snapshot(_ jobs: [TrackedJob] = jobs, health: APIHealth = APIHealth(lastSuccess: ago(1))) -> Snapshot {
        Snapshot(jobs: jobs, health: health, takenAt: now, interval: interval, cycle: 3)
    }

    /// A state that has received `snapshot`.
    static func state(
        width: Int = 120, height: Int = 12, glyphs: Glyphs = .unicode, snapshot: Snapshot = snapshot()
    ) -> AppState {
        var state = AppState(
            size: TerminalSize(width: width, height: height), now: now, interval: interval, source: "demo",
            glyphs: glyphs)
        _ = Reducer.reduce(&state, .snapshot(snapshot))
        return state
    }

    static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.size.width, height: state.size.height)
        DashboardView.render(state, theme: .defaultDark, secondsFromGMT: 0, into: &buffer)
        return buffer
    }

    /// `count` running jobs `job-00`, `job-01`, … created one minute apart, newest first in display order.
    static func manyJobs(_ count: Int) -> [TrackedJob] {
        (0..<count).map { index in
            TrackedJob(
                job: Job(
                    id: String(format: "job-%02d", index), type: .parse, status: .running, totalItems: 10,
                    processedItems: 5, createdAt: ago(TimeInterval(index * 60))),
                fetchedAt: ago(1))
        }
    }
}
