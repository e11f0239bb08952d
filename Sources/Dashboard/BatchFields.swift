import FoundationEssentials
import JobMonitor
import TerminalUI

/// The detail screen's field list for a v2 batch: the batch's own fields and the per-file counts derived from it.
enum BatchFields {
    /// Name and value of every batch field, in the order the detail grid shows them; absent values are nil.
    static func fields(_ job: Job, batch: BatchFacts, glyphs: Glyphs, secondsFromGMT: Int) -> [(String, String?)] {
        func date(_ value: Date?) -> String? { value.map { Formatting.dateTime($0, secondsFromGMT: secondsFromGMT) } }
        let status =
            StatusBadge.isCancelling(job)
            ? "\(StatusBadge.cancellingWord(glyphs: glyphs)) (\(job.status))" : job.status.description
        let errors = batch.mappingErrors == 1 ? "1 mapping error" : "\(batch.mappingErrors) mapping errors"
        return [
            ("id", job.id), ("status", status), ("api", "v2 batch"), ("config_type", batch.configurationType),
            ("config_id", batch.configurationID), ("source_dir", job.directoryID), ("created_at", date(job.createdAt)),
            ("updated_at", date(job.updatedAt)),
            ("files_total", batch.filesTotal.map(String.init) ?? "counting" + glyphs.ellipsis),
            ("done", String(batch.done)), ("failed", "\(batch.failed) (\(errors))"), ("cancelled", String(batch.cancelled)),
            ("active", String(batch.active)), ("waiting", String(batch.waiting)),
            ("progress", progress(batch, glyphs: glyphs)),
        ]
    }

    /// The percentage, or why it is not known.
    static func progress(_ batch: BatchFacts, glyphs: Glyphs) -> String {
        if let percent = batch.progressPercent { return Formatting.percent(percent) }
        let dash = glyphs.isASCII ? "-" : "—"
        if !batch.resultsKnown { return "unknown \(dash) results not available yet" }
        if batch.filesTotal == nil { return "unknown \(dash) files not counted yet" }
        return "unknown \(dash) the source directory has no files"
    }
}
