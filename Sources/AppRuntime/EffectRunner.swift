import Dashboard
import FoundationEssentials

/// Performs the effects that need the backend, each in a task of its own, and hands every answer back as a `Msg`.
/// The one place where `Effect` turns into I/O; the run loop handles the rest (quit, theme, terminal controls).
@MainActor
final class EffectRunner {
    private let backend: any DashboardBackend
    private let answer: @Sendable (Msg) -> Void
    private var running: [Int: Task<Void, Never>] = [:]
    private var nextTaskID = 0

    /// A runner over `backend` that delivers answers through `answer` (from any thread).
    init(backend: any DashboardBackend, answer: @escaping @Sendable (Msg) -> Void) {
        self.backend = backend
        self.answer = answer
    }

    /// Starts the work for `effect`; quit, theme switching and terminal controls are the loop's own and do nothing here.
    func perform(_ effect: Effect) {
        let backend = backend
        let answer = answer
        switch effect {
        case .refresh:
            spawn { await backend.refresh() }
        case .setPaused(let paused):
            spawn { await backend.setPaused(paused) }
        case .loadItems(let request):
            spawn {
                let result = await backend.items(
                    jobID: request.jobID, offset: request.offset, limit: request.limit, status: request.status)
                answer(.itemsLoaded(request, result))
            }
        case .cancel(let jobID):
            spawn {
                let outcome = await backend.cancel(jobID: jobID)
                answer(.cancelFinished(jobID: jobID, outcome))
            }
        case .loadRecordIDs(let jobID):
            spawn {
                let ids = await backend.recordIDs(jobID: jobID)
                answer(.recordIDsLoaded(jobID: jobID, ids))
            }
        case .quit, .cycleTheme, .terminal:
            break
        }
    }

    /// Cancels everything in flight (on exit); answers that still arrive are ignored by then.
    func cancelAll() {
        for task in running.values { task.cancel() }
        running.removeAll()
    }

    private func spawn(_ work: @escaping @Sendable () async -> Void) {
        let id = nextTaskID
        nextTaskID += 1
        running[id] = Task { [weak self] in
            await work()
            self?.finished(id)
        }
    }

    private func finished(_ id: Int) {
        running[id] = nil
    }
}
