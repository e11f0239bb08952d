import Dashboard
import FoundationEssentials
import JobMonitor
import LlamaCloud
import TerminalUI

/// `--until-done --format line`: one plain line per event, server strings sanitised for the terminal or log viewer.
enum WatchLine {
    /// The line of one event, starting with its UTC time, e.g.
    /// `2026-12-02T15:40:00Z bjb-1 parse running 40% 40/100 failed 1 (progress 30% → 40%)`.
    static func format(_ event: WatchEvent, summary: Snapshot?) -> String {
        let time = ISO8601Timestamp.format(event.timestamp)
        switch event.kind {
        case .jobChanged, .jobFinished:
            guard let tracked = event.job else { return "\(time) job changed" }
            let what = event.changes.map(describe).joined(separator: ", ")
            let verb = event.kind == .jobFinished ? "finished " : ""
            return "\(time) \(verb)\(jobSummary(tracked)) (\(what))"
        case .apiError:
            let message = event.health?.message ?? event.health?.lastError ?? "request failed"
            return "\(time) API trouble: \(TerminalText.sanitize(message))"
        case .apiRecovered:
            return "\(time) API ok again"
        case .heartbeat:
            return "\(time) still watching: \(counts(summary))"
        case .done:
            let code = event.exitCode ?? 0
            return "\(time) done: \(UntilDone.reason(for: code)) (exit \(code)); \(counts(summary))"
        }
    }

    /// `bjb-… type status 40% 40/100 failed 1 skipped 2`, server strings sanitised.
    static func jobSummary(_ tracked: TrackedJob) -> String {
        let job = tracked.job
        var parts = [
            TerminalText.sanitize(job.id), TerminalText.sanitize(job.type.description), TerminalText.sanitize(job.status.description),
        ]
        if tracked.fetchedAt != nil {
            parts.append("\(Int(JobFigures(job: job).percent))%")
            parts.append("\(job.processedItems.map(String.init) ?? "?")/\(job.totalItems)")
            if let failed = job.failedItems, failed > 0 { parts.append("failed \(failed)") }
            if let skipped = job.skippedItems, skipped > 0 { parts.append("skipped \(skipped)") }
        }
        if tracked.isVanished { parts.append("gone") }
        if let error = job.errorMessage, job.status == .failed { parts.append("error: " + TerminalText.sanitize(error)) }
        return parts.joined(separator: " ")
    }

    /// A change in words.
    static func describe(_ change: WatchChange) -> String {
        switch change {
        case .appeared: return "first seen"
        case .status(let from, let to):
            return "\(TerminalText.sanitize(from.description)) → \(TerminalText.sanitize(to.description))"
        case .progress(let from, let to): return "progress \(from * 10)% → \(to * 10)%"
        case .failedItems(let from, let to): return "failed items \(from) → \(to)"
        case .vanished: return "not found"
        }
    }

    /// `3 jobs: 1 running, 2 completed`, statuses sanitised.
    static func counts(_ snapshot: Snapshot?) -> String {
        guard let snapshot else { return "no answer from the API yet" }
        let counts = snapshot.countsByStatus.sorted { $0.key.description < $1.key.description }
        let listed = counts.map { "\($0.value) \(TerminalText.sanitize($0.key.description))" }.joined(separator: ", ")
        let jobs = snapshot.jobs.count == 1 ? "1 job" : "\(snapshot.jobs.count) jobs"
        return listed.isEmpty ? jobs : "\(jobs): \(listed)"
    }
}
