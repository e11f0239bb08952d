import JobMonitor
import TerminalUI

/// Alerts for jobs that finish: found by comparing two snapshots, so each transition is announced exactly once
/// (a redraw or an unchanged snapshot announces nothing, and jobs already finished when first seen are not news).
public enum JobAlerts {
    /// A job that reached a terminal status between two snapshots.
    public struct Finished: Sendable, Equatable {
        /// The job's ID.
        public var id: String
        /// Its new status (completed, failed, cancelled).
        public var status: JobStatus
    }

    /// Jobs present in both snapshots whose status became terminal, in the new snapshot's order.
    public static func finished(from previous: Snapshot, to current: Snapshot) -> [Finished] {
        guard !previous.jobs.isEmpty else { return [] }
        // Keyed by `jobID`: reading `id` would build a `String` for every job of the snapshot (100,000 at a time).
        let before = Dictionary(previous.jobs.map { ($0.jobID, $0.job.status) }, uniquingKeysWith: { first, _ in first })
        return current.jobs.compactMap { tracked in
            guard let old = before[tracked.jobID], !old.isTerminal, tracked.job.status.isTerminal else { return nil }
            return Finished(id: tracked.id, status: tracked.job.status)
        }
    }

    /// Puts the alerts in the status line and returns the bell and notification effects, as the settings say.
    public static func announce(_ alerts: [Finished], in state: inout AppState) -> [Effect] {
        guard !alerts.isEmpty, state.alerts.statusLine || state.alerts.notify else { return [] }
        let text = message(alerts, glyphs: state.glyphs)
        state.statusMessage = text
        guard state.alerts.notify else { return [] }
        let anyFailed = alerts.contains { $0.status == .failed }
        return [.terminal(.bell), .terminal(.notification(title: anyFailed ? "batchtop: job failed" : "batchtop", body: text))]
    }

    /// `✔ bjb-… completed`, or for several `3 jobs finished: ✘ bjb-… failed, ✔ bjb-… completed, …`.
    static func message(_ alerts: [Finished], glyphs: Glyphs) -> String {
        let parts = alerts.prefix(3).map { "\(StatusBadge.symbol($0.status, glyphs: glyphs)) \($0.id) \($0.status)" }
        let list = parts.joined(separator: ", ") + (alerts.count > 3 ? ", …" : "")
        return alerts.count == 1 ? list : "\(alerts.count) jobs finished: \(list)"
    }
}
