import FoundationEssentials

/// Wakes the run loop once at a given moment: the only timer the UI has, re-armed after every turn.
@MainActor
public protocol WakeScheduler: AnyObject {
    /// Arms the timer for `deadline` (replacing any earlier one), or disarms it with nil; `fire` is called once then.
    func schedule(at deadline: Date?, fire: @escaping @Sendable () -> Void)
}

/// The real timer: one task that sleeps until the deadline on the continuous clock.
@MainActor
public final class SleepingWakeScheduler: WakeScheduler {
    private var task: Task<Void, Never>?
    private var armedFor: Date?

    /// Creates an unarmed timer.
    public init() {}

    /// Re-arms only when the deadline moves, so a turn that changes nothing costs no new task.
    public func schedule(at deadline: Date?, fire: @escaping @Sendable () -> Void) {
        guard deadline != armedFor else { return }
        task?.cancel()
        armedFor = deadline
        guard let deadline else {
            task = nil
            return
        }
        let delay = max(0, deadline.timeIntervalSinceNow)
        task = Task {
            try? await Task.sleep(for: .seconds(delay), tolerance: .milliseconds(5))
            guard !Task.isCancelled else { return }
            armedFor = nil
            fire()
        }
    }

    deinit {
        task?.cancel()
    }
}
