import FoundationEssentials
import LlamaCloud

extension Job {
    /// A v2 batch as a `Job`: type from the configuration (`parse_v2` → parse), status as sent (THROTTLED and
    /// unknown values kept), counts and progress from `facts` (finished = done + failed + cancelled).
    public init(batch: Batch, facts: BatchFacts) {
        let type: JobType
        switch batch.jobType.lowercased() {
        case "parse_v2": type = .parse
        case "extract_v2": type = .extract
        default: type = JobType(raw: batch.jobType.isEmpty ? "?" : batch.jobType)
        }
        self.init(
            id: batch.id, type: type, projectID: batch.projectID, status: JobStatus(raw: batch.status),
            totalItems: facts.filesTotal ?? 0, processedItems: facts.finished, failedItems: facts.failed,
            progressPercent: facts.progressPercent ?? 0,
            createdAt: batch.createdAt, updatedAt: batch.updatedAt, directoryID: batch.sourceDirectoryID)
        api = .v2
        self.batch = facts
    }
}
