import Dashboard
import FoundationEssentials
import JobMonitor
import TerminalUI

/// The dashboard's event loop, in the shape of bubbletea's Program: everything that can happen (input, a snapshot,
/// an effect's answer, the wake timer) arrives on one stream; each wake-up is one turn that reduces the messages,
/// performs the effects, and draws a frame only when what is on screen changed.
///
/// Nothing here polls. Input is waited for by the terminal's own thread (`Terminal.startInputWatch`), snapshots by a
/// forwarding task, effects run in `EffectRunner`, and the only timer is armed for the moment the clock next changes
/// text on screen (`ClockSchedule`) or `--until-done` times out. An idle dashboard therefore sleeps until a
/// snapshot arrives. All terminal calls happen on the main actor.
@MainActor
public final class DashboardRuntime<T: Terminal> {
    /// The UI state after the last turn.
    public private(set) var state: AppState
    /// Turns taken (one per wake-up).
    public private(set) var turns = 0
    /// Frames drawn (a turn that changes nothing on screen draws none).
    public private(set) var framesDrawn = 0
    /// The moment the wake timer is armed for; nil when nothing on screen depends on the clock.
    public private(set) var wakeDeadline: Date?

    private let terminal: T
    private let backend: any DashboardBackend
    private let snapshots: AsyncStream<Snapshot>
    private let options: RuntimeOptions
    private let scheduler: any WakeScheduler
    private var theme: Theme
    private var themeGeneration = 0
    private var shown: ShownFrame?
    private var latestSnapshot: Snapshot?
    private var startedAt = Date()

    /// A runtime that draws `initialState` on `terminal` with `theme` and performs effects with `backend`.
    public init(
        terminal: T, backend: any DashboardBackend, snapshots: AsyncStream<Snapshot>, initialState: AppState, theme: Theme,
        options: RuntimeOptions = RuntimeOptions(), scheduler: (any WakeScheduler)? = nil
    ) {
        self.terminal = terminal
        self.backend = backend
        self.snapshots = snapshots
        self.state = initialState
        self.theme = theme
        self.options = options
        self.scheduler = scheduler ?? SleepingWakeScheduler()
    }

    /// Runs until the user quits, `--until-done` decides or the input ends, and says which.
    public func run() async -> RuntimeExit {
        let (events, sink) = AsyncStream.makeStream(of: RuntimeEvent.self)
        let slot = SnapshotSlot()
        let observer = options.snapshotObserver
        let forwarder = Task.detached { [snapshots] in
            for await snapshot in snapshots {
                observer?(snapshot)
                if slot.put(snapshot) { sink.yield(.snapshot) }
            }
        }
        let effects = EffectRunner(backend: backend) { sink.yield(.message($0)) }
        terminal.startInputWatch { sink.yield(.input) }
        defer {
            forwarder.cancel()
            effects.cancelAll()
            terminal.stopInputWatch()
            scheduler.schedule(at: nil) {}
            sink.finish()
        }
        startedAt = options.now()
        if let exit = finishTurn([], effects: effects, sink: sink) { return exit }
        for await event in events {
            if let exit = take(event, slot: slot, effects: effects, sink: sink) { return exit }
        }
        return .quit
    }

    /// One wake-up: turns the event into messages and finishes the turn.
    private func take(
        _ event: RuntimeEvent, slot: SnapshotSlot, effects: EffectRunner, sink: AsyncStream<RuntimeEvent>.Continuation
    ) -> RuntimeExit? {
        turns += 1
        var messages: [Msg] = []
        switch event {
        case .input:
            // Everything waiting is read in this one turn (a resize storm is reduced before anything is drawn).
            var read = 0
            while read < Self.maximumEventsPerTurn, let input = terminal.nextEvent(timeoutMilliseconds: 0) {
                read += 1
                switch input {
                case .key(let key): messages.append(.key(key))
                case .resize(let size): messages.append(.resize(size))
                case .closed: return .inputClosed
                }
            }
            terminal.resumeInputWatch()
        case .snapshot:
            if let snapshot = slot.take() {
                latestSnapshot = snapshot
                // A later publication is always drawn (see `ShownFrame.isOlderSnapshot`), so the frame on screen is
                // not needed to compare with: let go of it now, or it would keep the last snapshot's jobs alive
                // while the reducer sorts the new ones (see `Reducer.adopt`).
                if shown?.isOlderSnapshot(than: snapshot) == true { shown = nil }
                messages.append(.snapshot(snapshot))
            }
        case .message(let message):
            messages.append(message)
        case .clock:
            break  // Nothing to reduce: drawing notices that the clock changed text on screen.
        }
        return finishTurn(messages, effects: effects, sink: sink)
    }

    /// At most this many terminal events are read in one turn, so a flood of input cannot starve snapshots.
    static var maximumEventsPerTurn: Int { 4096 }

    /// Reduces the messages, performs their effects, checks `--until-done`, draws if needed and re-arms the timer.
    private func finishTurn(
        _ messages: [Msg], effects: EffectRunner, sink: AsyncStream<RuntimeEvent>.Continuation
    ) -> RuntimeExit? {
        let now = options.now()
        _ = Reducer.reduce(&state, .tick(now))
        for message in messages {
            for effect in Reducer.reduce(&state, message) {
                switch effect {
                case .quit:
                    return .quit
                case .cycleTheme:
                    guard let advanceTheme = options.advanceTheme else { continue }
                    let (next, announcement) = advanceTheme()
                    theme = next
                    themeGeneration += 1
                    _ = Reducer.reduce(&state, announcement)
                case .terminal(let control):
                    terminal.send(control)
                case .refresh, .setPaused, .loadItems, .cancel, .loadRecordIDs:
                    effects.perform(effect)
                }
            }
        }
        if let policy = options.untilDone,
            let code = UntilDone.exitCode(for: latestSnapshot, policy: policy, elapsed: now.timeIntervalSince(startedAt))
        {
            return .untilDone(code)
        }
        drawIfChanged(now: now)
        armTimer(sink: sink)
        return nil
    }

    /// Draws a frame when the state (apart from the clock) changed, the theme changed, or the clock reached the moment
    /// the last frame's clock-dependent text changes.
    private func drawIfChanged(now: Date) {
        if let shown, shown.themeGeneration == themeGeneration, !shown.clockIsDue(at: now),
            !shown.isOlderSnapshot(than: state.snapshot)
        {
            var comparable = state
            comparable.now = shown.state.now
            if comparable == shown.state { return }
        }
        var buffer = Buffer(width: state.size.width, height: state.size.height)
        DashboardView.render(state, theme: theme, secondsFromGMT: LocalTimeOffset.secondsFromGMT(at: now), into: &buffer)
        terminal.present(buffer)
        framesDrawn += 1
        shown = ShownFrame(
            state: state, themeGeneration: themeGeneration, clockChanges: ClockSchedule.nextChange(in: state, after: now))
        if framesDrawn == 1 { options.afterFirstFrame?() }
    }

    /// Arms the one timer for the next clock-dependent change on screen or the `--until-done` timeout, if any.
    private func armTimer(sink: AsyncStream<RuntimeEvent>.Continuation) {
        let timeout = options.untilDone?.timeoutTotal.map { startedAt.addingTimeInterval($0) }
        let deadline = [shown?.clockChanges, timeout].compactMap { $0 }.min()
        wakeDeadline = deadline
        scheduler.schedule(at: deadline) { sink.yield(.clock) }
    }
}

/// What the last frame showed, to decide whether the next turn must draw.
struct ShownFrame {
    /// The state drawn.
    var state: AppState
    /// The theme drawn with.
    var themeGeneration: Int
    /// When the clock next changes that frame's text (nil: never).
    var clockChanges: Date?

    /// True once the clock has changed text that frame shows.
    func clockIsDue(at now: Date) -> Bool {
        clockChanges.map { now >= $0 } ?? false
    }

    /// True when `snapshot` is a later publication than the one drawn. The poller publishes only when content
    /// changed, so this answers "changed" without comparing 100,000 jobs field by field; an equal snapshot (same
    /// cycle and time) still goes through the full comparison.
    func isOlderSnapshot(than snapshot: Snapshot) -> Bool {
        state.snapshot.cycle != snapshot.cycle || state.snapshot.takenAt != snapshot.takenAt
    }
}
