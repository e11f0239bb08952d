import JobMonitor
import LlamaCloud
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
    ///
    /// Consecutive snapshots keep their jobs in the same order and share every chunk of the list in which none
    /// changed (`JobList`): a shared chunk is skipped whole, and a job is compared with the one at its position in the
    /// last snapshot when that is the same job. Only when a job is not where it was (jobs added or dropped before it)
    /// is the last snapshot's status looked up by ID, in a table built once. Building that table for every snapshot
    /// took 50 ms of a 65 ms reduce at 100,000 jobs (`reduce-alerts/100k`).
    ///
    /// Two snapshots with one row order version (`Snapshot.rowOrderVersion`) hold the same jobs with the same
    /// statuses, so none finished: nothing is read (`reduce-alerts/100k` walked every job of every snapshot, 5–8 ms).
    public static func finished(from previous: Snapshot, to current: Snapshot) -> [Finished] {
        if current.hasSameRowOrder(as: previous) { return [] }
        let before = previous.jobs
        let jobs = current.jobs
        guard !before.isEmpty else { return [] }
        // Keyed by `jobID`: reading `id` would build a `String` for every job of the snapshot (100,000 at a time).
        var byID: [JobID: JobStatus]?
        var alerts: [Finished] = []
        var position = 0
        // Each job is asked for `storageLead` jobs ahead. `statusLead` jobs ahead, its status in by then, a finished
        // job's identity (its ID) and the job at its position in the last snapshot are asked for too (only finished
        // jobs are compared), and `identityLead` ahead that one's identity. At 100,000 jobs none of them is cached,
        // and each read waited for memory in turn (perf, `time-reduce 100000 100 standard alerts`: the last
        // snapshot's version, then both IDs, were most of the walk).
        let storageLead = 16
        let statusLead = 8
        let identityLead = 4
        while position < jobs.count {
            if position % JobList.chunkLength == 0, jobs.sharesChunk(at: position, with: before) {
                position += JobList.chunkLength
                continue
            }
            jobs.prefetchJob(at: position + storageLead)
            let ahead = position + statusLead
            if ahead < jobs.count, ahead < before.count, jobs[ahead].hasFinished {
                jobs.prefetchIdentity(at: ahead)
                before.prefetchJob(at: ahead)
            }
            let near = position + identityLead
            if near < jobs.count, near < before.count, jobs[near].hasFinished { before.prefetchIdentity(at: near) }
            let tracked = jobs[position]
            position += 1
            guard tracked.hasFinished else { continue }
            // The last snapshot's job at the same position (this job, unless jobs were added or dropped before it).
            let samePlace = position - 1 < before.count ? before[position - 1] : nil
            if let samePlace, samePlace.sharesStorage(with: tracked) { continue }  // One version: nothing happened.
            let old: JobStatus?
            if let samePlace, samePlace.jobID == tracked.jobID {
                old = samePlace.job.status
            } else {
                if byID == nil {
                    byID = Dictionary(before.map { ($0.jobID, $0.job.status) }, uniquingKeysWith: { first, _ in first })
                }
                old = byID?[tracked.jobID]
            }
            if let old, !old.isTerminal { alerts.append(Finished(id: tracked.id, status: tracked.job.status)) }
        }
        return alerts
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
