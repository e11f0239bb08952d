import Dashboard
import Foundation
import JobMonitor
import TerminalUI

/// Fixed data shared by the dashboard tests.
enum Fixtures {
    /// 2025-06-15 15:06:40 UTC.
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let interval: TimeInterval = 2

    static func ago(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(-seconds) }

    /// The fixture jobs' IDs, one per status.
    enum ID {
        static let run = "bjb-run-000123456"
        static let pend = "bjb-pend-002"
        static let thr = "bjb-thr-0003"
        static let fail = "bjb-fail-004"
        static let canc = "bjb-canc-006"
        static let done = "bjb-done-005"
        /// All of them, in default display order.
        static let all = [run, pend, thr, fail, canc, done]
    }

    /// One job per status, deliberately not in display order.
    static let jobs: [TrackedJob] = [
        TrackedJob(
            job: Job(
                id: ID.done, type: .extract, status: .completed, totalItems: 12, processedItems: 12,
                failedItems: 0, skippedItems: 0, createdAt: ago(7200)),
            fetchedAt: ago(7000)),
        TrackedJob(
            job: Job(
                id: ID.fail, type: .parse, status: .failed, totalItems: 40, processedItems: 40, failedItems: 7,
                skippedItems: 1, createdAt: ago(3600), errorMessage: "quota exceeded"),
            fetchedAt: ago(500)),
        TrackedJob(
            job: Job(
                id: ID.thr, type: .classify, status: JobStatus(raw: "throttled"), totalItems: 10,
                processedItems: 3, createdAt: ago(300)),
            fetchedAt: ago(1)),
        TrackedJob(
            job: Job(
                id: ID.run, type: .parse, status: .running, totalItems: 200, processedItems: 104,
                failedItems: 0, skippedItems: 0, createdAt: ago(600)),
            fetchedAt: ago(10)),
        TrackedJob(
            job: Job(
                id: ID.canc, type: .classify, status: .cancelled, totalItems: 30, processedItems: 9,
                skippedItems: 2, createdAt: ago(1800)),
            fetchedAt: ago(900), isVanished: true),
        TrackedJob(
            job: Job(
                id: ID.pend, type: .extract, status: .pending, totalItems: 50, processedItems: 0,
                createdAt: ago(60)),
            fetchedAt: ago(1)),
    ]

    static func snapshot(_ jobs: [TrackedJob] = jobs, health: APIHealth = APIHealth(lastSuccess: ago(1))) -> Snapshot {
        Snapshot(jobs: jobs, health: health, takenAt: now, interval: interval, cycle: 3)
    }

    /// A state that has received `snapshot`.
    static func state(
        width: Int = 120, height: Int = 12, glyphs: Glyphs = .unicode, snapshot: Snapshot = snapshot()
    ) -> AppState {
        var state = AppState(
            size: TerminalSize(width: width, height: height), now: now, interval: interval, source: "demo",
            glyphs: glyphs)
        _ = Reducer.reduce(&state, .snapshot(snapshot))
        return state
    }

    static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.size.width, height: state.size.height)
        DashboardView.render(state, theme: .defaultDark, secondsFromGMT: 0, into: &buffer)
        return buffer
    }

    /// `count` running jobs `job-00`, `job-01`, … created one minute apart, newest first in display order.
    static func manyJobs(_ count: Int) -> [TrackedJob] {
        (0..<count).map { index in
            TrackedJob(
                job: Job(
                    id: String(format: "job-%02d", index), type: .parse, status: .running, totalItems: 10,
                    processedItems: 5, createdAt: ago(TimeInterval(index * 60))),
                fetchedAt: ago(1))
        }
    }

    /// A v2 batch as the poller fills it from `facts`: counts from the files, progress 0 when not known.
    static func batch(
        id: String = "bat-4k2m9x7q1w", type: JobType = .parse, status: JobStatus = .running, facts: BatchFacts,
        metrics: JobMetrics = .empty
    ) -> TrackedJob {
        var job = Job(
            id: id, type: type, status: status, totalItems: facts.filesTotal ?? 0, processedItems: facts.finished,
            failedItems: facts.failed, progressPercent: facts.progressPercent ?? 0, createdAt: ago(3600),
            updatedAt: ago(60), directoryID: "dir-invoices")
        job.api = .v2
        job.batch = facts
        return TrackedJob(job: job, fetchedAt: ago(1), metrics: metrics)
    }

    /// Presses the keys in order and returns every effect they asked for.
    @discardableResult
    static func press(_ keys: Key..., on state: inout AppState) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .key($0)) }
    }

    /// Types each character of `text` as a key press.
    @discardableResult
    static func type(_ text: String, on state: inout AppState) -> [Effect] {
        text.flatMap { Reducer.reduce(&state, .key(.character($0))) }
    }

    /// Files `file-000`, `file-001`, … (numbered from `start`) with one status; failed ones carry an error.
    static func files(_ count: Int, status: String, from start: Int = 0) -> [FileItem] {
        (start..<(start + count)).map { index in
            FileItem(
                id: String(format: "item-%03d", index), name: String(format: "file-%03d.pdf", index), status: status,
                errorMessage: status == "failed" ? "bad page \(index)" : nil)
        }
    }

    /// A page request as the reducer makes it (page size 50); `ItemRequest` has no public initializer.
    static func itemRequest(jobID: String, status: String?, offset: Int, generation: Int) -> ItemRequest {
        var detail = DetailState(jobID: jobID)
        detail.pastFailed = status == nil
        guard var request = detail.nextRequest else { fatalError("a fresh detail always has a next request") }
        request.status = status
        request.offset = offset
        request.generation = generation
        return request
    }

    /// The answer to `request` with `items` out of `total`.
    static func loaded(_ request: ItemRequest, _ items: [FileItem], total: Int) -> Msg {
        .itemsLoaded(request, .success(FileItemPage(items: items, totalSize: total, offset: request.offset)))
    }

    /// The only request among the effects (nil when there is not exactly one `loadItems`).
    static func request(in effects: [Effect]) -> ItemRequest? {
        let requests = effects.compactMap { effect -> ItemRequest? in
            if case .loadItems(let request) = effect { return request }
            return nil
        }
        return requests.count == 1 ? requests[0] : nil
    }

    /// The text of every row, for containment checks.
    static func text(_ buffer: Buffer) -> String {
        buffer.lines.joined(separator: "\n")
    }
}
