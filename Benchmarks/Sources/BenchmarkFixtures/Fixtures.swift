import Dashboard
import Foundation
import JobMonitor
import LlamaCloud
import TerminalUI

/// Deterministic jobs shaped like the mock server's (`bjb-`/`proj-`/`dir-` UUIDs, every date field, snake_case JSON),
/// shared by the ordo-one benchmarks and the callgrind runner.
public enum Fixtures {
    /// The wall-clock time of generation 0; each generation is `secondsPerGeneration` later.
    public static let epoch = Date(timeIntervalSince1970: 1_795_946_400)
    /// Seconds between two generations (one poll interval).
    public static let secondsPerGeneration: TimeInterval = 2
    /// The frame size of the render and diff benchmarks.
    public static let frameSize = TerminalSize(width: 200, height: 50)
    /// Jobs per list page (the API's maximum, as the poller asks).
    public static let pageSize = PollerConfiguration.pageSize

    static let projectID = "proj-5b1f0c2e-8a41-4d7e-9c3b-2f6a7d9e1c04"
    static let directoryIDs = [
        "dir-0c6f3a1b-94d2-4b7e-a1c5-7e2d9f80b613", "dir-71e4b2c9-3d5a-4f08-b6e1-2a9c4d7f5e30",
        "dir-a83d5e70-1f6b-49c2-8d3e-5b0f7a1c9e42",
    ]
    static let jobTypes = ["parse", "extract", "classify"]
    static let errorMessages = [
        "Worker crashed: out of memory while parsing page 212",
        "Upstream model provider returned 503 Service Unavailable after 5 retries",
    ]

    /// The time of `generation`.
    public static func date(generation: Int) -> Date {
        epoch.addingTimeInterval(Double(generation) * secondsPerGeneration)
    }

    /// The ID of job `index`, a mock-style `bjb-` UUID.
    public static func jobID(_ index: Int) -> String {
        let mixed = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
        let hex = String(mixed, radix: 16).leftPadded(to: 16)
        let serial = String(index, radix: 16).leftPadded(to: 12)
        return "bjb-\(hex.prefix(8))-\(hex.dropFirst(8).prefix(4))-4\(hex.dropFirst(12).prefix(3))-a\(serial.prefix(3))-\(serial)"
    }

    /// Job `index` in wire form at `generation`: running jobs (all of them with `allRunning`, otherwise six in ten)
    /// gain one processed item per generation, so every running job changes every generation. Every job has a record
    /// and a workflow ID.
    public static func wireJob(_ index: Int, generation: Int, allRunning: Bool = false) -> BatchJob {
        let total = 200 + (index * 37) % 19_800
        let created = epoch.addingTimeInterval(-Double(3600 + index))
        let started = created.addingTimeInterval(4)
        let status = allRunning ? "running" : ["running", "running", "running", "running", "running", "running",
                                               "pending", "completed", "failed", "cancelled"][index % 10]
        var job = BatchJob(
            id: jobID(index), jobType: jobTypes[index % jobTypes.count], projectID: projectID, status: status,
            totalItems: total, processedItems: 0, failedItems: 0, skippedItems: 0, createdAt: created,
            effectiveAt: created, directoryID: directoryIDs[index % directoryIDs.count])
        // Sent for every job, as the mock server does (the API reference's example job carries both).
        let suffix = job.id.dropFirst(4)
        job.jobRecordID = "rec-" + suffix
        job.workflowID = "wf-" + suffix
        switch status {
        case "running":
            let processed = min(total - 1, (index * 13) % total + generation)
            job.processedItems = processed
            job.failedItems = processed / 40
            job.skippedItems = processed / 90
            job.startedAt = started
            job.updatedAt = date(generation: generation)
        case "pending":
            job.updatedAt = created
        default:
            let processed = status == "completed" ? total : total / 2
            job.processedItems = processed
            job.failedItems = processed / 40
            job.startedAt = started
            job.updatedAt = started.addingTimeInterval(Double(total))
            job.completedAt = job.updatedAt
            if status == "failed" { job.errorMessage = errorMessages[index % errorMessages.count] }
        }
        return job
    }

    /// The JSON bodies of the list pages (100 jobs each) that list `count` jobs, encoded as the mock server does.
    public static func listPageBodies(jobs count: Int) -> [Data] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return stride(from: 0, to: count, by: pageSize).map { offset in
            let items = (offset..<min(count, offset + pageSize)).map { wireJob($0, generation: 0) }
            // Encoding a `Page` of `BatchJob`s cannot fail: every field is a string, a number or a date.
            return (try? encoder.encode(JobListPage(items: items, totalSize: count))) ?? Data()
        }
    }

    /// A snapshot of `count` jobs at `generation`, as the poller would publish it.
    public static func snapshot(jobs count: Int, generation: Int) -> Snapshot {
        let now = date(generation: generation)
        let jobs = (0..<count).map { TrackedJob(job: Job(wire: wireJob($0, generation: generation)), fetchedAt: now) }
        var snapshot = Snapshot(
            jobs: jobs, health: APIHealth(lastSuccess: now), takenAt: now, interval: secondsPerGeneration)
        // As a snapshot from the poller comes: with its jobs' aggregate, which the poller keeps as it replaces each
        // job (its cost is in `poll-cycle`), so that `reduce` does not walk every job for the header.
        snapshot.keepSummary()
        // And with its row order version (`Snapshot.rowOrderVersion`): every generation holds the same jobs in the same
        // order with the same statuses (only counts move), so the poller would give them all one version.
        snapshot.rowOrderVersion = 1
        return snapshot
    }

    /// A 200×50 dashboard state that has taken `snapshot`.
    public static func state(after snapshot: Snapshot) -> AppState {
        var state = AppState(
            size: frameSize, now: snapshot.takenAt, interval: secondsPerGeneration, source: "bench", glyphs: .unicode)
        _ = Reducer.reduce(&state, .snapshot(snapshot))
        return state
    }

    /// A rendered 200×50 frame of `state` in the default theme.
    public static func frame(of state: AppState) -> Buffer {
        var buffer = Buffer(width: frameSize.width, height: frameSize.height)
        DashboardView.render(state, theme: .defaultDark, into: &buffer)
        return buffer
    }

    /// A discovery poller over `api` whose clock is the API's generation; it lists the whole project every
    /// `fullScanEvery` cycles (and whenever that costs no more pages than listing the active jobs).
    public static func poller(over api: FakeBatchAPI, fullScanEvery: Int = 10) -> Poller {
        var configuration = PollerConfiguration(
            interval: secondsPerGeneration, maxConcurrentRequests: 8, fullScanEvery: fullScanEvery)
        // No snapshots of the jobs loaded so far during the first listing: they are published by the wall clock
        // (every 0.25 s), so how many a run made depended on its speed (under valgrind, on the simulation), and the
        // counts of `absorb` and `makeSnapshot` moved by 7 % between runs of one build.
        configuration.loadingPublishMinimum = .max
        return Poller(api: api, configuration: configuration, now: { api.now })
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
