import Foundation
import TerminalUI

/// A terminal in memory: scripted keys and resizes go in, every presented frame is recorded.
@MainActor
final class FakeTerminal: Terminal {
    var size: TerminalSize
    let capabilities = TerminalCapabilities(colorDepth: .indexed256, unicode: true)
    /// Frames presented, in order.
    private(set) var frames: [Buffer] = []
    /// Controls sent (clipboard, bell, notification).
    private(set) var sent: [TerminalControl] = []
    /// True once the run loop stopped watching input.
    private(set) var watchStopped = false
    /// Times the loop read input with a timeout other than 0 (it must never block on the terminal).
    private(set) var blockingReads = 0
    private var pending: [TerminalEvent] = []
    private var ready: (@Sendable () -> Void)?
    private var watching = false

    init(size: TerminalSize = TerminalSize(width: 100, height: 30)) {
        self.size = size
    }

    /// Queues events as if the user typed or resized, and wakes the loop as the input thread would.
    func type(_ events: [TerminalEvent]) {
        pending += events
        wakeIfWaiting()
    }

    /// Queues keys.
    func press(_ keys: Key...) {
        type(keys.map(TerminalEvent.key))
    }

    /// The newest frame's lines as plain text.
    var lastScreen: [String] {
        guard let frame = frames.last else { return [] }
        return frame.lines
    }

    func present(_ buffer: Buffer) { frames.append(buffer) }

    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        if timeoutMilliseconds != 0 { blockingReads += 1 }
        guard !pending.isEmpty else { return nil }
        let event = pending.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    func startInputWatch(_ ready: @escaping @Sendable () -> Void) {
        self.ready = ready
        watching = true
        wakeIfWaiting()
    }

    func resumeInputWatch() {
        watching = true
        wakeIfWaiting()
    }

    func stopInputWatch() {
        ready = nil
        watching = false
        watchStopped = true
    }

    func restore() {}

    /// Called with each control as it is sent (a test looks at the world at that moment: after the reducer, before
    /// the frame is drawn).
    var onSend: ((TerminalControl) -> Void)?

    func send(_ control: TerminalControl) {
        sent.append(control)
        onSend?(control)
    }

    private func wakeIfWaiting() {
        guard watching, !pending.isEmpty, let ready else { return }
        watching = false
        ready()
    }
}
