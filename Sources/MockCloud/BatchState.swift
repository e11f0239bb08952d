import FoundationEssentials

/// A simulated batch at one moment: its status, how many files are mapped, and its files and jobs on demand.
struct BatchState: Sendable {
    /// The plan.
    let plan: BatchPlan
    /// The moment (seconds since the start).
    let time: TimeInterval
    /// When a cancel was requested, if it was.
    let cancel: TimeInterval?
    /// Upper-case status.
    let status: String
    /// When the status last changed.
    let changedAt: TimeInterval
    /// Files mapped so far (files `0..<mappedFiles`).
    let mappedFiles: Int

    /// Errors of files that could not be mapped to a job.
    static let mappingErrors = [
        "Unsupported file type: .heic", "File is empty (0 bytes)", "File exceeds the 500 MB limit",
        "Could not download file from storage",
    ]
    /// Errors of failed jobs.
    static let jobErrors = [
        "PDF is password-protected", "Timed out after 300 s", "Corrupted PDF: startxref not found",
        "Schema validation failed: 'total' is not a number",
    ]

    /// True once the batch reached an end state.
    var isTerminal: Bool { ["COMPLETED", "FAILED", "CANCELLED"].contains(status) }

    /// The batch on the wire; `results` only when `expand` (and not while a hiding batch is unfinished).
    func batch(start: Date, expand: Bool) -> V2Batch {
        var results: [V2BatchResult]?
        if expand, !(plan.hidesResults && !isTerminal) {
            results = (0..<mappedFiles).map(result)
        }
        return V2Batch(
            id: plan.id, projectID: BatchPlan.projectID, sourceDirectoryID: plan.directoryID, status: status,
            config: V2BatchConfig(job: V2JobConfig(type: plan.jobType, configurationID: plan.configurationID)),
            createdAt: V2Date.string(start.addingTimeInterval(plan.appearsAt)),
            updatedAt: V2Date.string(start.addingTimeInterval(changedAt)), results: V2Nullable(results))
    }

    /// The mapping entry of file `index` (which must be mapped).
    func result(_ index: Int) -> V2BatchResult {
        if plan.hasMappingError(index) {
            let message = Self.mappingErrors[Int(plan.hash(index, 2) % UInt64(Self.mappingErrors.count))]
            return V2BatchResult(
                sourceDirectoryFileID: fileID(index), jobReference: V2Nullable(nil), errorMessage: V2Nullable(message))
        }
        return V2BatchResult(
            sourceDirectoryFileID: fileID(index),
            jobReference: V2Nullable(V2JobReference(type: plan.jobType, id: jobID(index))), errorMessage: V2Nullable(nil))
    }

    /// `dfl-<key>-<index>`.
    func fileID(_ index: Int) -> String { "dfl-\(plan.key)-\(index)" }

    /// `pjb-<key>-<index>` or `exj-<key>-<index>`.
    func jobID(_ index: Int) -> String { "\(plan.isExtract ? "exj" : "pjb")-\(plan.key)-\(index)" }

    /// True when file `index` has a job now.
    func hasJob(_ index: Int) -> Bool {
        index >= 0 && index < mappedFiles && !plan.hasMappingError(index)
    }

    /// The status, last change and error of the job of file `index` (which must have one).
    func job(_ index: Int) -> BatchFileJob {
        let created = plan.mappedAt(index)
        let started = created + 0.5 + plan.unit(index, 3) * 2.5
        let ended = started + 2 + plan.unit(index, 4) * (BatchPlan.longestJob - 5.5)
        let createdReal = plan.real(created)
        if let cancel, time >= cancel + BatchPlan.cancelDelay, ended > plan.effective(cancel + BatchPlan.cancelDelay) {
            return BatchFileJob("CANCELLED", createdReal, cancel + BatchPlan.cancelDelay, nil)
        }
        let now = plan.effective(time)
        if now < started { return BatchFileJob("PENDING", createdReal, createdReal, nil) }
        if now < ended {
            let throttled = plan.isExtract && plan.isThrottled(at: time)
            return BatchFileJob(throttled ? "THROTTLED" : "RUNNING", createdReal, plan.real(started), nil)
        }
        let outcome = plan.unit(index, 5)
        if outcome < plan.jobFailureRate {
            let message = Self.jobErrors[Int(plan.hash(index, 6) % UInt64(Self.jobErrors.count))]
            return BatchFileJob("FAILED", createdReal, plan.real(ended), message)
        }
        if outcome < plan.jobFailureRate + plan.jobCancelRate {
            return BatchFileJob("CANCELLED", createdReal, plan.real(ended), nil)
        }
        return BatchFileJob("COMPLETED", createdReal, plan.real(ended), nil)
    }

    /// The parse job of file `index`.
    func parseJob(_ index: Int, start: Date) -> V2ParseJob {
        let job = job(index)
        return V2ParseJob(
            id: jobID(index), projectID: BatchPlan.projectID, status: job.status,
            createdAt: V2Date.string(start.addingTimeInterval(job.created)),
            updatedAt: V2Date.string(start.addingTimeInterval(job.updated)), errorMessage: V2Nullable(job.error),
            name: fileName(index), tier: "agentic")
    }

    /// The extract job of file `index`.
    func extractJob(_ index: Int, start: Date) -> V2ExtractJob {
        let job = job(index)
        return V2ExtractJob(
            id: jobID(index), projectID: BatchPlan.projectID, status: job.status, fileInput: storedFileID(index),
            createdAt: V2Date.string(start.addingTimeInterval(job.created)),
            updatedAt: V2Date.string(start.addingTimeInterval(job.updated)), configurationID: plan.configurationID,
            errorMessage: V2Nullable(job.error))
    }

    /// The stored file behind file `index`.
    func storedFileID(_ index: Int) -> String {
        SplitMix64.uuidString(plan.hash(index, 7), plan.hash(index, 8))
    }

    /// The display name of file `index`.
    func fileName(_ index: Int) -> String {
        BatchNames.name(of: index, in: plan)
    }

    /// The directory file `index` on the wire.
    func directoryFile(_ index: Int, start: Date) -> V2DirectoryFile {
        let created = V2Date.string(start.addingTimeInterval(plan.appearsAt - 60))
        return V2DirectoryFile(
            id: fileID(index), directoryID: plan.directoryID, displayName: fileName(index), projectID: BatchPlan.projectID,
            uniqueID: "\(plan.directoryName)/\(index)", fileID: storedFileID(index), createdAt: created, updatedAt: created)
    }

    /// The directory on the wire.
    func directory(start: Date) -> V2Directory {
        let created = V2Date.string(start.addingTimeInterval(plan.appearsAt - 120))
        return V2Directory(
            id: plan.directoryID, name: plan.directoryName, projectID: BatchPlan.projectID, type: "user",
            description: "\(plan.fileCount) files", createdAt: created, updatedAt: created)
    }
}

/// The state of one file's job at one moment (times in seconds since the start).
struct BatchFileJob: Sendable, Equatable {
    /// Upper-case status.
    let status: String
    /// When the job was created.
    let created: TimeInterval
    /// When the job last changed.
    let updated: TimeInterval
    /// Why it failed, if it did.
    let error: String?

    /// Creates a job state.
    init(_ status: String, _ created: TimeInterval, _ updated: TimeInterval, _ error: String?) {
        self.status = status
        self.created = created
        self.updated = updated
        self.error = error
    }
}
