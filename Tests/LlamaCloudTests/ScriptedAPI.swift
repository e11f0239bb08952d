import Clocks
import Foundation
import LlamaCloud
import Testing

/// A `BatchAPI` whose list calls answer from a script (one result per call, then successes), recording the
/// test-clock time of every call.
final class ScriptedAPI: BatchAPI {
    private struct State {
        var script: [BatchAPIError?] = []
        var callTimes: [Duration] = []
    }

    private let state = Locked(State())
    private let clock: TestClock<Duration>

    init(clock: TestClock<Duration>, script: [BatchAPIError?]) {
        self.clock = clock
        state.withLock { $0.script = script }
    }

    /// Test-clock offsets at which calls arrived.
    var callTimes: [Duration] { state.withLock { $0.callTimes } }
    var calls: Int { callTimes.count }

    private func next() throws(BatchAPIError) {
        let offset = TestClock<Duration>.Instant().duration(to: clock.now)
        let failure: BatchAPIError? = state.withLock { state in
            state.callTimes.append(offset)
            return state.script.isEmpty ? nil : state.script.removeFirst()
        }
        if let failure { throw failure }
    }

    func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        try next()
        return JobListPage(items: [], totalSize: 0)
    }

    func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse {
        try next()
        return JobStatusResponse(
            job: BatchJob(id: id, jobType: "parse", projectID: "p", status: "running", totalItems: 1), progressPercentage: 0)
    }

    func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse {
        try next()
        return CancelResponse(jobID: id, message: "ok", processedItems: 0, status: "cancelled")
    }

    func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage {
        try next()
        return ItemsPage(items: [], totalSize: 0)
    }
}

/// Yields until `condition` holds (bounded; records an issue if it never does). No real time passes.
func eventually(_ what: String, _ condition: () -> Bool) async {
    for _ in 0..<20_000 {
        if condition() { return }
        await Task.yield()
    }
    Issue.record("never happened: \(what)")
}

/// Yields until some task sleeps on the test clock (bounded; records an issue otherwise).
func waitForSleeper(_ clock: TestClock<Duration>) async {
    for _ in 0..<2_000 {
        do {
            try await clock.checkSuspension()
        } catch {
            return
        }
    }
    Issue.record("nothing sleeps on the test clock")
}

/// Yields a while so that work which should not happen has had every chance to.
func settle() async {
    for _ in 0..<200 { await Task.yield() }
}
