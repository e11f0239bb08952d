import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// `Job.holdsSameData(as:)` decides, without building a `Job`, what `Job(wire:known:) == known` decides; the poller
/// skips a finished job listed again unchanged on its word. Every field of the wire job is changed in turn, on
/// known jobs that came from the wire, from a status call with a percentage of its own, and from the v2 API.
@Suite("A listed job compared with the known one without building it")
struct WireMatchTests {
    private static let base = BatchJob(
        id: "bjb-7f3c2a10-5d1e-4b8a-9c0f-2e6d8a4b1c93", jobType: "parse", projectID: "proj-1", status: "completed",
        totalItems: 40, processedItems: 40, failedItems: 2, skippedItems: 1,
        createdAt: Date(timeIntervalSinceReferenceDate: 1000), startedAt: Date(timeIntervalSinceReferenceDate: 1010),
        updatedAt: Date(timeIntervalSinceReferenceDate: 1100), completedAt: Date(timeIntervalSinceReferenceDate: 1100),
        effectiveAt: Date(timeIntervalSinceReferenceDate: 1001), directoryID: "dir-1", errorMessage: nil,
        jobRecordID: "rec-1", workflowID: nil)

    /// One change per field (and some that change nothing the job keeps).
    private static let changes: [(String, @Sendable (inout BatchJob) -> Void)] = [
        ("nothing", { _ in }),
        ("type", { $0.jobType = "extract" }), ("type, case only", { $0.jobType = "PARSE" }),
        ("project", { $0.projectID = "proj-2" }), ("status", { $0.status = "failed" }),
        ("status, case only", { $0.status = "Completed" }), ("status, other spelling", { $0.status = "canceled" }),
        ("total", { $0.totalItems = 41 }), ("processed", { $0.processedItems = 39 }),
        ("processed absent", { $0.processedItems = nil }), ("failed", { $0.failedItems = 3 }),
        ("failed absent", { $0.failedItems = nil }), ("skipped", { $0.skippedItems = 0 }),
        ("created", { $0.createdAt = Date(timeIntervalSinceReferenceDate: 999.999) }),
        ("created absent", { $0.createdAt = nil }), ("started", { $0.startedAt = nil }),
        ("updated", { $0.updatedAt = Date(timeIntervalSinceReferenceDate: 1100.001) }),
        ("completed", { $0.completedAt = nil }), ("effective", { $0.effectiveAt = Date(timeIntervalSinceReferenceDate: 0) }),
        ("directory", { $0.directoryID = "dir-2" }), ("directory absent", { $0.directoryID = nil }),
        ("error message", { $0.errorMessage = "boom" }), ("record", { $0.jobRecordID = nil }),
        ("workflow", { $0.workflowID = "wf-1" }),
    ]

    /// Known jobs: as listed, after a status call with its own percentage (NaN included), and a v2 batch.
    private static var knownJobs: [(String, Job)] {
        let listed = Job(wire: base)
        var stated = Job(wire: base, progressPercentage: 97.5)
        stated.progressPercent = 97.5
        var unknownPercent = listed
        unknownPercent.progressPercent = .nan
        var batch = listed
        batch.api = .v2
        var withFacts = listed
        withFacts.batch = BatchFacts(configurationType: "parse_v2", configurationID: "cfg-1", filesTotal: 40)
        return [("listed", listed), ("status call", stated), ("NaN percent", unknownPercent), ("v2", batch),
                ("batch facts", withFacts)]
    }

    @Test("agrees with building the job and comparing, for every change of every field")
    func agreesWithBuilding() {
        var matched = 0
        for (knownName, known) in Self.knownJobs {
            for (changeName, change) in Self.changes {
                var wire = Self.base
                change(&wire)
                let built = Job(wire: wire, known: known) == known
                #expect(known.holdsSameData(as: wire) == built, "\(knownName), \(changeName)")
                if built { matched += 1 }
            }
        }
        // "nothing", the two case-only spellings and the record and workflow IDs (which a listed job does not take
        // from the page: `JobRecordIDs`) match the listed job; nothing matches the others.
        #expect(matched == 5)
    }
}
