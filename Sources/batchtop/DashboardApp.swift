import CursesTerminal
import Dashboard
import Foundation
import JobMonitor
import TerminalUI

/// The full-screen run loop: one main-actor loop that reads keys, takes the newest snapshot, reduces, renders and
/// presents. All ncurses calls happen here, on the main actor.
@MainActor
enum DashboardApp {
    /// Longest wait for a key before the loop checks for snapshots and the clock.
    static let keyTimeoutMilliseconds = 50

    /// Runs until the user quits; returns the process exit code.
    static func run(poller: Poller, source: String, interval: TimeInterval, forceASCII: Bool, noColor: Bool) async -> Int32 {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(forceASCII: forceASCII, noColor: noColor)
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
        let theme = terminal.capabilities.colorDepth == .none ? Theme.monochrome : Theme.defaultDark
        let glyphs = terminal.capabilities.unicode ? Glyphs.unicode : Glyphs.ascii
        var state = AppState(size: terminal.size, now: Date(), interval: interval, source: source, glyphs: glyphs)

        let inbox = SnapshotInbox()
        let pollerTask = Task { await poller.run() }
        let consumer = Task { @MainActor in
            for await snapshot in poller.snapshots { inbox.latest = snapshot }
        }
        defer {
            pollerTask.cancel()
            consumer.cancel()
        }

        var lastTick = Date()
        var needsRender = true
        while true {
            var messages: [Msg] = []
            switch terminal.nextEvent(timeoutMilliseconds: keyTimeoutMilliseconds) {
            case .key(let key): messages.append(.key(key))
            case .resize(let size): messages.append(.resize(size))
            case nil: break
            }
            if let snapshot = inbox.take() { messages.append(.snapshot(snapshot)) }
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
                    }
                }
                needsRender = true
            }
            if needsRender {
                needsRender = false
                var buffer = Buffer(width: state.size.width, height: state.size.height)
                TableScreen.render(
                    state, theme: theme, secondsFromGMT: TimeZone.current.secondsFromGMT(for: now), into: &buffer)
                terminal.present(buffer)
            }
            await Task.yield()
        }
    }
}

/// Holds the newest snapshot between the consumer task and the run loop (both on the main actor).
@MainActor
final class SnapshotInbox {
    /// The newest snapshot not yet taken.
    var latest: Snapshot?

    /// Returns and clears the newest snapshot.
    func take() -> Snapshot? {
        defer { latest = nil }
        return latest
    }
}
