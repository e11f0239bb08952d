import Dashboard
import FoundationEssentials
import TextTools
import RunLog
import JobMonitor
import TerminalUI

/// `--until-done` without the full screen (standard output not a terminal, or `--format line|jsonl`): prints one
/// line per change of the watched jobs and of the API's health, a heartbeat when nothing was printed for a while,
/// and a last `done` line, then returns the exit code decided by `UntilDone`.
enum HeadlessWatch {
    /// How the events are printed.
    enum Format: Sendable {
        /// Plain lines for people and logs (`WatchLine`).
        case line
        /// One JSON object per line (`WatchJSONL`).
        case jsonl
    }

    /// What wakes the loop: a new snapshot, or the clock (heartbeat and timeout).
    private enum Input: Sendable {
        case snapshot(Snapshot)
        case tick
        case pollerEnded
    }

    /// How often the loop looks at the clock when no snapshot arrives, in milliseconds.
    static let tickMilliseconds = 250

    /// Polls until `UntilDone` decides, printing events to standard output (flushed per line); returns the exit code.
    /// `heartbeat` is in seconds, 0 for none.
    static func run(
        poller: Poller, format: Format, policy: UntilDonePolicy, heartbeat: TimeInterval, log: LogFile? = nil
    ) async -> Int32 {
        let start = Date()
        let (inputs, continuation) = AsyncStream.makeStream(of: Input.self)
        let pollerTask = Task { await poller.run() }
        let feeder = Task {
            // A snapshot published while the first listing pages in holds part of the jobs: `--until-done` decides
            // on complete listings only.
            for await snapshot in poller.snapshots where snapshot.loading == nil { continuation.yield(.snapshot(snapshot)) }
            continuation.yield(.pollerEnded)
        }
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(tickMilliseconds))
                continuation.yield(.tick)
            }
        }
        defer {
            pollerTask.cancel()
            feeder.cancel()
            ticker.cancel()
            continuation.finish()
        }
        var latest: Snapshot?
        var lastOutput = start
        func emit(_ event: WatchEvent) {
            let text: String
            switch format {
            case .line: text = WatchLine.format(event, summary: latest)
            case .jsonl: text = WatchJSONL.format(event, summary: latest)
            }
            TextOutput.standardOutput(text + "\n")
            if let log, event.kind != .heartbeat { log.write(logLine(event, summary: latest)) }
            lastOutput = Date()
        }
        for await input in inputs {
            let now = Date()
            switch input {
            case .snapshot(let snapshot):
                let events = WatchEvents.derive(previous: latest, current: snapshot)
                latest = snapshot
                events.forEach(emit)
            case .tick:
                break
            case .pollerEnded:
                return finish(code: 1, latest: latest, emit: emit)
            }
            if let code = UntilDone.exitCode(for: latest, policy: policy, elapsed: now.timeIntervalSince(start)) {
                return finish(code: code, latest: latest, emit: emit)
            }
            // Due one tick early, so the output is never silent for longer than `heartbeat` seconds.
            if heartbeat > 0, now.timeIntervalSince(lastOutput) >= heartbeat - Double(tickMilliseconds) / 1000 {
                emit(WatchEvent(kind: .heartbeat, timestamp: now))
            }
        }
        return finish(code: 1, latest: latest, emit: emit)
    }

    /// An event as a `--log-file` line: `event ` and the plain line without its own timestamp (the log adds one).
    static func logLine(_ event: WatchEvent, summary: Snapshot?) -> String {
        let line = WatchLine.format(event, summary: summary)
        return "event " + (line.split(separator: " ", maxSplits: 1).last.map(String.init) ?? line)
    }

    /// Prints the `done` event (and, for a key rejected or an API given up on, the cause on standard error).
    private static func finish(code: Int32, latest: Snapshot?, emit: (WatchEvent) -> Void) -> Int32 {
        if code == 4 || code == 6, let message = latest?.health.lastError ?? latest?.health.message {
            TextOutput.standardError("batchtop: \(TerminalText.sanitize(message))\n")
        }
        emit(WatchEvent(kind: .done, timestamp: Date(), exitCode: code))
        return code
    }
}
