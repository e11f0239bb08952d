import Dashboard
import FoundationEssentials
import TextTools
import JobMonitor
import LlamaCloud
import TerminalUI

/// `--once`: one poll, printed as a plain table or JSON, for scripts and terminals that cannot go full screen.
enum OnceReport {
    /// Polls once, prints, and returns the exit code (1 when the API could not be read).
    static func run(poller: Poller, format: OutputFormat, source: String, forceASCII: Bool) async -> Int32 {
        let snapshot = await poller.pollOnce()
        switch format {
        case .json:
            json(snapshot) { print($0, terminator: "") }
            print()
        case .table, .line, .jsonl:
            let unicode = !forceASCII && isUTF8Locale()
            PlainTable.render(snapshot, source: source, glyphs: unicode ? .unicode : .ascii, width: 120) { print($0) }
        }
        if let error = snapshot.health.lastError, snapshot.health.consecutiveFailures > 0 {
            TextOutput.standardError("batchtop: \(TerminalText.sanitize(error))\n")
            return snapshot.health.isUnauthorized ? 4 : 1
        }
        return 0
    }

    /// Jobs serialised per piece of the JSON output.
    static let jobsPerPiece = 1_000

    /// The snapshot as JSON: one object per job with its fields, freshness and the metrics one poll can know (rate
    /// and ETA need two polls: null here), and a `summary` of the whole snapshot; keys sorted, pretty-printed.
    /// Handed to `write` in pieces of `jobsPerPiece` jobs: one `JSONSerialization` of every job at once took
    /// 914 MB and 38 s for 100,000 jobs (`JSONText` writes each job).
    static func json(_ snapshot: Snapshot, write: (String) -> Void) {
        let api: [String: Any] = [
            "last_error": snapshot.health.lastError as Any, "consecutive_failures": snapshot.health.consecutiveFailures,
        ]
        write("{\n  \"api\" : \(pretty(api, indent: 2)),\n  \"jobs\" : [")
        var first = 0
        while first < snapshot.jobs.count {
            let piece = snapshot.jobs[first..<min(snapshot.jobs.count, first + jobsPerPiece)].map { tracked in
                "\n    " + pretty(WatchJSONL.jobObject(tracked, at: snapshot.takenAt, interval: snapshot.interval), indent: 4)
            }
            write((first == 0 ? "" : ",") + piece.joined(separator: ","))
            first += jobsPerPiece
        }
        write("\n  ],\n  \"summary\" : \(pretty(summary(snapshot), indent: 2)),\n")
        write("  \"taken_at\" : \(pretty(ISO8601Timestamp.format(snapshot.takenAt), indent: 2))\n}")
    }

    /// `value` as pretty-printed JSON with sorted keys (non-finite numbers as null), its lines after the first
    /// indented by `indent` spaces to sit inside the enclosing document.
    private static func pretty(_ value: Any, indent: Int) -> String {
        JSONText.pretty(value, indent: indent)
    }

    /// Counts by status, active and stalled jobs, items done of total over active jobs, and their summed rate.
    static func summary(_ snapshot: Snapshot) -> [String: Any] {
        let aggregate = snapshot.summary
        var byStatus: [String: Int] = [:]
        for (status, count) in aggregate.countsByStatus { byStatus[status.description, default: 0] += count }
        return [
            "jobs": snapshot.jobs.count, "by_status": byStatus, "active_jobs": aggregate.activeJobs,
            "stalled_jobs": aggregate.stalledJobs, "active_items_done": aggregate.itemsDone,
            "active_items_total": aggregate.itemsTotal, "rate_items_per_second": aggregate.overallRate ?? JSONNull(),
            "live_apis": snapshot.liveAPIs.map(\.rawValue),
        ]
    }

    /// One job's fields as `--once --format json` names them (server strings exact), with its freshness.
    static func jobObject(_ tracked: TrackedJob, takenAt: Date, interval: TimeInterval) -> [String: Any] {
        let job = tracked.job
        var object: [String: Any] = [
            "id": job.id, "job_type": job.type.description, "status": job.status.description,
            "total_items": job.totalItems, "progress_percentage": job.progressPercent,
            "project_id": job.projectID,
        ]
        object["processed_items"] = job.processedItems
        object["failed_items"] = job.failedItems
        object["skipped_items"] = job.skippedItems
        object["error_message"] = job.errorMessage
        object["directory_id"] = job.directoryID
        object["created_at"] = job.createdAt.map(ISO8601Timestamp.format)
        object["completed_at"] = job.completedAt.map(ISO8601Timestamp.format)
        object["stale"] = tracked.isStale(at: takenAt, interval: interval)
        object["api"] = job.api.rawValue
        if let batch = job.batch {
            object["progress_percentage"] = batch.progressPercent ?? JSONNull()
            object["batch"] = batchObject(batch)
        }
        return object
    }

    /// A v2 batch's configuration and per-file counts.
    static func batchObject(_ batch: BatchFacts) -> [String: Any] {
        [
            "configuration_type": batch.configurationType, "configuration_id": batch.configurationID,
            "results_known": batch.resultsKnown, "files_total": batch.filesTotal ?? JSONNull(), "done": batch.done,
            "failed": batch.failed, "failed_jobs": batch.failedJobs, "mapping_errors": batch.mappingErrors,
            "cancelled": batch.cancelled, "active": batch.active, "waiting": batch.waiting,
            "cancelling": batch.cancelRequested,
        ]
    }

    private static func isUTF8Locale() -> Bool {
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LC_CTYPE"].flatMap {
            $0.isEmpty ? nil : $0
        } ?? environment["LANG"] ?? ""
        return locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
    }
}
