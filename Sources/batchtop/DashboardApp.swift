import CursesTerminal
import Dashboard
import Foundation
import RunLog
import JobMonitor
import TerminalUI
import ThemeLoader

/// The full-screen run loop: one main-actor loop that reads keys, takes the newest snapshot, reduces, renders and
/// presents. All ncurses calls happen here, on the main actor.
@MainActor
enum DashboardApp {
    /// Longest wait for a key before the loop checks for snapshots and the clock.
    static let keyTimeoutMilliseconds = 50

    /// Runs until the user quits; returns the process exit code. `themes` starts at the chosen theme and `t` steps
    /// through it; `notices` (config and theme problems, already on standard error) are summed up in the status line.
    /// With `untilDone`, returns the `UntilDone` exit code as soon as it decides (jobs finished, timeout, API trouble).
    static func run(
        poller: Poller, source: String, interval: TimeInterval, forceASCII: Bool, noColor: Bool, readOnly: Bool, mouse: Bool,
        themes: ThemeCycle, notices: [String] = [], untilDone: UntilDonePolicy? = nil, alerts: AlertSettings = AlertSettings(),
        log: LogFile? = nil
    ) async -> Int32 {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(forceASCII: forceASCII, noColor: noColor, mouse: mouse)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            return 1
        }
        let trap = SignalTrap { signalNumber in
            terminal.restore()
            exit(128 + signalNumber)
        }
        defer {
            trap.cancel()
            terminal.restore()
        }
        var themeSwitcher = ThemeSwitcher(cycle: themes, colorEnabled: terminal.capabilities.colorDepth != .none)
        let glyphs = terminal.capabilities.unicode ? Glyphs.unicode : Glyphs.ascii
        var state = AppState(
            size: terminal.size, now: Date(), interval: interval, source: source, glyphs: glyphs, isReadOnly: readOnly)
        state.alerts = alerts
        if let first = notices.first {
            state.statusMessage = (notices.count > 1 ? "[1/\(notices.count)] " : "") + first
        }

        let inbox = MessageInbox()
        let pollerTask = Task { await poller.run() }
        let consumer = Task { @MainActor in
            var previous: Snapshot?
            for await snapshot in poller.snapshots {
                inbox.latestSnapshot = snapshot
                if let log {
                    for event in WatchEvents.derive(previous: previous, current: snapshot) {
                        log.write(HeadlessWatch.logLine(event, summary: snapshot))
                    }
                    previous = snapshot
                }
            }
        }
        defer {
            pollerTask.cancel()
            consumer.cancel()
        }

        let watchStart = Date()
        var latestSnapshot: Snapshot?
        var lastTick = Date()
        var needsRender = true
        var framesShown = 0
        while true {
            var messages: [Msg] = []
            switch terminal.nextEvent(timeoutMilliseconds: keyTimeoutMilliseconds) {
            case .key(let key): messages.append(.key(key))
            case .resize(let size): messages.append(.resize(size))
            case .closed:
                terminal.restore()
                FileHandle.standardError.write(Data("batchtop: the terminal's input ended (end-of-file or a read error); exiting\n".utf8))
                return 1
            case nil: break
            }
            messages += inbox.takeAll()
            if let snapshot = messages.lazy.compactMap(Self.snapshot(in:)).last { latestSnapshot = snapshot }
            if let untilDone,
                let code = UntilDone.exitCode(for: latestSnapshot, policy: untilDone, elapsed: Date().timeIntervalSince(watchStart))
            {
                return code
            }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 1 {
                lastTick = now
                messages.append(.tick(now))
            }
            for message in messages {
                for effect in Reducer.reduce(&state, message) {
                    switch effect {
                    case .quit:
                        return 0
                    case .refresh:
                        Task { await poller.refresh() }
                    case .setPaused(let paused):
                        Task { await poller.setPaused(paused) }
                    case .loadItems(let request):
                        Task { @MainActor in
                            let result = await poller.items(
                                jobID: request.jobID, offset: request.offset, limit: request.limit, status: request.status)
                            inbox.results.append(.itemsLoaded(request, result))
                        }
                    case .cancel(let jobID):
                        Task { @MainActor in
                            let outcome = await poller.cancel(jobID: jobID)
                            inbox.results.append(.cancelFinished(jobID: jobID, outcome))
                        }
                    case .cycleTheme:
                        _ = Reducer.reduce(&state, themeSwitcher.advance())
                    case .terminal(let control):
                        terminal.send(control)
                    }
                }
                needsRender = true
            }
            if needsRender {
                needsRender = false
                var buffer = Buffer(width: state.size.width, height: state.size.height)
                DashboardView.render(
                    state, theme: themeSwitcher.theme, secondsFromGMT: TimeZone.current.secondsFromGMT(for: now), into: &buffer)
                terminal.present(buffer)
                framesShown += 1
                if framesShown == 1 { TestCrashTrigger.fireIfRequested() }
            }
            await Task.yield()
        }
    }
}

extension DashboardApp {
    /// The snapshot a message carries, if it is one.
    static func snapshot(in message: Msg) -> Snapshot? {
        if case .snapshot(let snapshot) = message { return snapshot }
        return nil
    }
}

/// Collects what arrives between two turns of the run loop (all on the main actor): the newest snapshot only,
/// and every answer to an effect, in order.
@MainActor
final class MessageInbox {
    /// The newest snapshot not yet taken.
    var latestSnapshot: Snapshot?
    /// Answers to effects (file pages, cancel outcomes) not yet taken.
    var results: [Msg] = []

    /// Returns and clears everything waiting, the snapshot first.
    func takeAll() -> [Msg] {
        var messages: [Msg] = latestSnapshot.map { [.snapshot($0)] } ?? []
        messages += results
        latestSnapshot = nil
        results = []
        return messages
    }
}
