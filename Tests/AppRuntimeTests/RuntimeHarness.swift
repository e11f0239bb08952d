import AppRuntime
import Dashboard
import Foundation
import JobMonitor
import LlamaCloud
import TerminalUI

/// A backend whose calls are recorded; `cancel` can be held until the caller's task is cancelled.
final class ScriptedBackend: DashboardBackend {
    /// Calls in order, e.g. `refresh`, `items bjb-1 0`, `cancel bjb-1`.
    let calls = Locked<[String]>([])
    /// Cancels that gave up because their task was cancelled (the loop exited while they were in flight).
    let abandonedCancels = Locked(0)
    /// When true, `cancel` waits until its task is cancelled instead of answering.
    let holdsCancel: Bool

    init(holdsCancel: Bool = false) {
        self.holdsCancel = holdsCancel
    }

    var recorded: [String] { calls.withLock { $0 } }

    func refresh() async { calls.withLock { $0.append("refresh") } }

    func setPaused(_ paused: Bool) async { calls.withLock { $0.append("paused \(paused)") } }

    func items(jobID: String, offset: Int, limit: Int, status: String?) async -> Result<FileItemPage, ActionFailure> {
        calls.withLock { $0.append("items \(jobID) \(offset)") }
        return .success(FileItemPage(items: [], totalSize: 0, offset: offset))
    }

    func recordIDs(jobID: String) async -> JobRecordIDs? {
        calls.withLock { $0.append("recordIDs \(jobID)") }
        return JobRecordIDs(jobRecordID: "rec-" + jobID, workflowID: nil)
    }

    func cancel(jobID: String) async -> Result<String, ActionFailure> {
        calls.withLock { $0.append("cancel \(jobID)") }
        if holdsCancel {
            try? await Task.sleep(for: .seconds(3600))
            abandonedCancels.withLock { $0 += 1 }
            return .failure(ActionFailure(message: "abandoned"))
        }
        return .success("cancelled")
    }
}

/// A wake timer the test fires by hand; it remembers what it was armed for.
@MainActor
final class ManualWakeScheduler: WakeScheduler {
    private(set) var deadline: Date?
    private var fire: (@Sendable () -> Void)?
    /// Times it was armed or disarmed.
    private(set) var arms = 0

    func schedule(at deadline: Date?, fire: @escaping @Sendable () -> Void) {
        self.deadline = deadline
        self.fire = deadline == nil ? nil : fire
        arms += 1
    }

    /// Fires the armed timer, as the clock reaching the deadline would.
    func fireNow() {
        let armed = fire
        fire = nil
        deadline = nil
        armed?()
    }
}

/// A wall clock the test moves.
final class TestClock: Sendable {
    private let current: Locked<Date>

    init(_ start: Date) {
        current = Locked(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A `DashboardRuntime` over a fake terminal, a scripted backend, a hand-fired timer and a test clock.
@MainActor
final class RuntimeHarness {
    static let start = Date(timeIntervalSince1970: 1_750_000_000)
    let terminal: FakeTerminal
    let backend: ScriptedBackend
    let scheduler = ManualWakeScheduler()
    let clock = TestClock(RuntimeHarness.start)
    let feed: AsyncStream<Snapshot>.Continuation
    let runtime: DashboardRuntime<FakeTerminal>
    private var task: Task<RuntimeExit, Never>?

    init(
        backend: ScriptedBackend = ScriptedBackend(), size: TerminalSize = TerminalSize(width: 100, height: 30),
        untilDone: UntilDonePolicy? = nil, alerts: AlertSettings = AlertSettings()
    ) {
        terminal = FakeTerminal(size: size)
        self.backend = backend
        let (snapshots, feed) = AsyncStream.makeStream(of: Snapshot.self, bufferingPolicy: .bufferingNewest(1))
        self.feed = feed
        let clock = clock
        var state = AppState(size: size, now: Self.start, interval: 2, source: "test", glyphs: .unicode)
        state.alerts = alerts
        runtime = DashboardRuntime(
            terminal: terminal, backend: backend, snapshots: snapshots, initialState: state, theme: .defaultDark,
            options: RuntimeOptions(untilDone: untilDone, now: { clock.now }), scheduler: scheduler)
    }

    /// Starts the loop and waits for its first frame.
    func start() async throws {
        let runtime = runtime
        task = Task { await runtime.run() }
        try await waitUntil("the first frame") { self.terminal.frames.count == 1 }
    }

    /// Waits (yielding to the loop, at most 5 s) until `condition` holds; fails the wait with `what` otherwise.
    func waitUntil(_ what: String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while !condition() {
            guard ContinuousClock.now < deadline else { throw HarnessTimeout(what: what) }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Publishes a snapshot and waits until the loop has taken it (one more turn).
    func publish(_ snapshot: Snapshot) async throws {
        let before = runtime.turns
        feed.yield(snapshot)
        try await waitUntil("the snapshot's turn") { self.runtime.turns > before }
    }

    /// Waits for the loop to end and returns why it ended.
    func exit() async throws -> RuntimeExit {
        guard let task else { throw HarnessTimeout(what: "a started loop") }
        let ended = Locked<RuntimeExit?>(nil)
        let watcher = Task { @MainActor in
            let result = await task.value
            ended.withLock { $0 = result }
        }
        defer { watcher.cancel() }
        try await waitUntil("the loop's exit") { ended.withLock { $0 } != nil }
        return ended.withLock { $0 } ?? .quit
    }
}

/// A condition did not hold in time.
struct HarnessTimeout: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Small snapshots for the loop tests.
enum RuntimeFixtures {
    /// A running job fetched at `fetchedAt`.
    static func running(_ id: String, processed: Int, fetchedAt: Date) -> TrackedJob {
        TrackedJob(
            job: Job(id: id, type: .parse, status: .running, totalItems: 100, processedItems: processed, createdAt: fetchedAt),
            fetchedAt: fetchedAt)
    }

    /// A completed job.
    static func completed(_ id: String, fetchedAt: Date) -> TrackedJob {
        TrackedJob(
            job: Job(id: id, type: .parse, status: .completed, totalItems: 100, processedItems: 100, createdAt: fetchedAt),
            fetchedAt: fetchedAt)
    }

    /// A snapshot of `jobs` taken at `at`, with the API answering.
    static func snapshot(_ jobs: [TrackedJob], at: Date, cycle: Int = 1) -> Snapshot {
        Snapshot(jobs: jobs, health: APIHealth(lastSuccess: at), takenAt: at, interval: 2, cycle: cycle)
    }
}
