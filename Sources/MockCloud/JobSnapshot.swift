import FoundationEssentials
import LlamaCloud

/// The state of a simulated job at one instant, computed purely from its plan, the elapsed time and
/// (if any) the time it was cancelled. All times are offsets in seconds from the server's start.
struct JobSnapshot: Sendable {
    /// The job's plan.
    let plan: JobPlan
    /// `pending`, `dispatched`, `running`, `completed`, `failed` or `cancelled`.
    let status: String
    /// Items done so far. This counts every finished item — completed, failed and skipped alike — so
    /// `progress_percentage = processed_items / total_items × 100` reaches 100 exactly when nothing is left to do.
    let processed: Int
    /// Failed items among the processed ones.
    let failed: Int
    /// Skipped items among the processed ones.
    let skipped: Int
    /// Items `[processed, processingEnd)` are `processing`.
    let processingEnd: Int
    /// Status of the items after the processing ones: `pending`, or `cancelled` for a cancelled job.
    let remainderStatus: String
    /// When processing started, once it has.
    let startedAt: TimeInterval?
    /// The last change.
    let updatedAt: TimeInterval
    /// When the job reached its terminal status.
    let completedAt: TimeInterval?
    /// The job-level error, for a failed job.
    let errorMessage: String?

    /// The state of `plan` at `time`, or nil while the job does not exist (not yet, or no longer). `cancelledAt`
    /// freezes the job.
    init?(plan: JobPlan, at time: TimeInterval, cancelledAt: TimeInterval? = nil) {
        guard time >= plan.appearsAt, plan.vanishesAt.map({ time < $0 }) ?? true else { return nil }
        self.plan = plan
        let cancel = [cancelledAt, plan.cancelAt].compactMap { $0 }.min()
        let effective = cancel.map { min(time, $0) } ?? time
        let natural = Natural(plan: plan, at: effective)

        if let cancel, time >= cancel, !natural.isTerminal {
            status = "cancelled"
            processed = natural.processed
            processingEnd = natural.processed
            remainderStatus = "cancelled"
            updatedAt = max(cancel, plan.appearsAt)
            completedAt = updatedAt
            startedAt = natural.startedAt
            errorMessage = nil
        } else {
            status = natural.status
            processed = natural.processed
            processingEnd = natural.status == "running" ? min(plan.totalItems, natural.processed + plan.concurrency) : natural.processed
            remainderStatus = "pending"
            updatedAt = natural.updatedAt
            completedAt = natural.completedAt
            startedAt = natural.startedAt
            errorMessage = natural.status == "failed" ? plan.crash?.message : nil
        }
        failed = JobPlan.count(plan.failedMarks, below: processed)
        skipped = JobPlan.count(plan.skippedMarks, below: processed)
    }

    /// True for `completed`, `failed` and `cancelled`.
    var isTerminal: Bool { ["completed", "failed", "cancelled"].contains(status) }

    /// Percentage of items done (see `processed`); 0 for an empty job.
    var progressPercentage: Double {
        guard plan.totalItems > 0 else { return 0 }
        return min(100, Double(processed) / Double(plan.totalItems) * 100)
    }

    /// The job in wire form; `start` is the server's start date.
    func batchJob(start: Date) -> BatchJob {
        func date(_ offset: TimeInterval?) -> Date? { offset.map { start.addingTimeInterval($0) } }
        return BatchJob(
            id: plan.id, jobType: plan.jobType, projectID: plan.projectID, status: status,
            totalItems: plan.totalItems, processedItems: processed, failedItems: failed, skippedItems: skipped,
            createdAt: date(plan.appearsAt), startedAt: date(startedAt), updatedAt: date(updatedAt),
            completedAt: date(completedAt), effectiveAt: date(plan.appearsAt), directoryID: plan.directoryID,
            errorMessage: errorMessage, jobRecordID: plan.jobRecordID, workflowID: plan.workflowID)
    }

    /// The status of the item at `index` (no other work: used for counting and filtering).
    func itemStatus(at index: Int) -> String {
        if index < processed {
            if plan.failure(at: index) != nil { return "failed" }
            if plan.skipReason(at: index) != nil { return "skipped" }
            return "completed"
        }
        return index < processingEnd ? "processing" : remainderStatus
    }

    /// The item at `index` in wire form.
    func item(at index: Int, start: Date) -> JobItem {
        func date(_ offset: TimeInterval) -> Date { start.addingTimeInterval(offset) }
        let status = itemStatus(at: index)
        let itemID = "itm-" + SplitMix64.uuidString(
            SplitMix64.mix(plan.salt, UInt64(index)), SplitMix64.mix(plan.salt ^ 0x5EED, UInt64(index)))
        let underlyingJob = "\(plan.jobType)-" + SplitMix64.uuidString(
            SplitMix64.mix(plan.salt ^ 0xA11CE, UInt64(index)), SplitMix64.mix(plan.salt ^ 0xB0B, UInt64(index)))
        // A crash ends the in-flight items when the job fails, not at their natural end.
        let end = min(plan.itemEnd(index), completedAt ?? .infinity)
        var item = JobItem(itemID: itemID, itemName: plan.itemName(at: index), status: status)
        switch status {
        case "completed":
            item.startedAt = date(plan.itemStart(index))
            item.completedAt = date(end)
            item.jobID = underlyingJob
        case "failed":
            item.errorMessage = plan.failure(at: index)
            item.startedAt = date(min(plan.itemStart(index), end))
            item.completedAt = date(end)
            item.jobID = underlyingJob
        case "skipped":
            item.skipReason = plan.skipReason(at: index)
            item.completedAt = date(end)
        case "processing":
            item.startedAt = date(plan.itemStart(index))
            item.jobID = underlyingJob
        default:
            break
        }
        return item
    }

    /// One page of the job's items, optionally only those with `status`, and how many match in all.
    /// Only the page's items are built; the regions of the job (done, processing, the rest) are contiguous
    /// and failures and skips are sparse, so counting needs no scan.
    func itemsPage(status filter: String?, offset: Int, limit: Int, start: Date) -> ItemsPage {
        let total = plan.totalItems
        let indices: [Int]
        let totalSize: Int
        func window(_ range: Range<Int>) -> [Int] {
            let lower = min(range.upperBound, range.lowerBound + offset)
            return Array(lower..<min(range.upperBound, lower + limit))
        }
        func marks(_ list: [ItemMark]) -> [Int] {
            let done = list[0..<JobPlan.count(list, below: processed)]
            return done.dropFirst(offset).prefix(limit).map(\.index)
        }
        switch filter {
        case nil:
            totalSize = total
            indices = window(0..<total)
        case "failed":
            totalSize = failed
            indices = marks(plan.failedMarks)
        case "skipped":
            totalSize = skipped
            indices = marks(plan.skippedMarks)
        case "completed":
            totalSize = processed - failed - skipped
            indices = completedIndices(offset: offset, limit: limit)
        case "processing":
            totalSize = processingEnd - processed
            indices = window(processed..<processingEnd)
        case remainderStatus:
            totalSize = total - processingEnd
            indices = window(processingEnd..<total)
        default:
            totalSize = 0
            indices = []
        }
        return ItemsPage(items: indices.map { item(at: $0, start: start) }, totalSize: totalSize)
    }

    /// The indices of the `offset`-th and following completed items (at most `limit`).
    private func completedIndices(offset: Int, limit: Int) -> [Int] {
        let failedDone = plan.failedMarks[0..<failed].map(\.index)
        let skippedDone = plan.skippedMarks[0..<skipped].map(\.index)
        let special = (failedDone + skippedDone).sorted()
        // The offset-th index not in `special`: step over every special index at or before the candidate.
        var candidate = offset
        var next = 0
        while next < special.count, special[next] <= candidate {
            candidate += 1
            next += 1
        }
        let specialSet = Set(special)
        var result: [Int] = []
        while result.count < limit, candidate < processed {
            if !specialSet.contains(candidate) { result.append(candidate) }
            candidate += 1
        }
        return result
    }
}

/// The state a job would have at a time if nobody cancelled it.
private struct Natural {
    let status: String
    let processed: Int
    let startedAt: TimeInterval?
    let updatedAt: TimeInterval
    let completedAt: TimeInterval?

    var isTerminal: Bool { status == "completed" || status == "failed" }

    init(plan: JobPlan, at time: TimeInterval) {
        let dispatchAt = plan.appearsAt + plan.pendingDuration
        let runStart = plan.runStart
        if time < dispatchAt {
            status = "pending"
            processed = 0
            startedAt = nil
            updatedAt = plan.appearsAt
            completedAt = nil
            return
        }
        if time < runStart {
            status = "dispatched"
            processed = 0
            startedAt = nil
            updatedAt = dispatchAt
            completedAt = nil
            return
        }
        startedAt = runStart
        let total = plan.totalItems
        let raw = min(Double(total), max(0, ((time - runStart) * plan.itemsPerSecond).rounded(.down)))
        let done = Int(raw)
        if let crash = plan.crash, done >= crash.atProcessed {
            status = "failed"
            processed = min(total, crash.atProcessed + plan.concurrency)
            let end = runStart + Double(crash.atProcessed) / plan.itemsPerSecond
            updatedAt = end
            completedAt = end
        } else if done >= total {
            status = "completed"
            processed = total
            let end = total > 0 ? plan.itemEnd(total - 1) : runStart
            updatedAt = end
            completedAt = end
        } else {
            status = "running"
            processed = done
            updatedAt = done > 0 ? min(time, plan.itemEnd(done - 1)) : runStart
            completedAt = nil
        }
    }
}
