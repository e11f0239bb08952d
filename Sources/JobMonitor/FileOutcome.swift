import LlamaCloud

/// Where one file of a v2 batch stands, for counting: judged from its parse/extract job's status.
enum FileOutcome: Sendable, Equatable {
    /// The job completed.
    case done
    /// The job failed.
    case failed
    /// The job was cancelled.
    case cancelled
    /// Pending, running, throttled, or a status this client does not know.
    case active

    /// The outcome of a job status as sent (case-insensitive).
    init(jobStatus: String) {
        switch jobStatus.uppercased() {
        case "COMPLETED": self = .done
        case "FAILED": self = .failed
        case "CANCELLED", "CANCELED": self = .cancelled
        default: self = .active
        }
    }

    /// True for done, failed and cancelled: the job will not change again.
    var isTerminal: Bool { self != .active }
}

/// Derives a v2 batch's file counts from its mapping (`results`), the files total and its jobs' outcomes
/// (the reference's recipe): done = completed jobs; failed = failed jobs + mapping errors; cancelled = cancelled
/// jobs; active = pending/running/unknown jobs (and jobs whose status is not known yet); waiting = files with no
/// mapping entry (total − results, never negative).
enum BatchCounter {
    /// The counts for `results` given each referenced job's outcome (a job missing from `outcomes` counts as active).
    static func facts(
        results: [BatchResult], filesTotal: Int?, outcomes: [String: FileOutcome], base: BatchFacts
    ) -> BatchFacts {
        var facts = base
        facts.resultsKnown = true
        facts.filesTotal = filesTotal
        facts.done = 0
        facts.failedJobs = 0
        facts.mappingErrors = 0
        facts.cancelled = 0
        facts.active = 0
        var unmapped = 0
        var seen = Set<String>()
        for entry in results where seen.insert(entry.sourceDirectoryFileID).inserted {
            if let reference = entry.jobReference {
                switch outcomes[reference.id] ?? .active {
                case .done: facts.done += 1
                case .failed: facts.failedJobs += 1
                case .cancelled: facts.cancelled += 1
                case .active: facts.active += 1
                }
            } else if entry.errorMessage != nil {
                facts.mappingErrors += 1
            } else {
                unmapped += 1
            }
        }
        // The directory can have shrunk since the batch started: never a negative wait, and never fewer files than
        // the mapping names.
        let mapped = seen.count - unmapped
        if let total = filesTotal {
            facts.filesTotal = max(total, mapped)
            facts.waiting = max(0, total - mapped)
        } else {
            facts.waiting = unmapped
        }
        return facts
    }
}
