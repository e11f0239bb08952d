#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CTerminalRescue
import CTerminalWake
import Dispatch

/// Waits for terminal input on a thread of its own, in `poll(2)` with no timeout, so an idle dashboard does not wake.
///
/// It watches standard input, a pipe that the SIGWINCH handler writes to (a resize), its own command pipe (resume,
/// stop) and the pipe that captures standard error during full screen (drained into the crash-replay buffer here, so
/// a chatty library can never fill it and block). When input or a resize may be waiting it calls `ready` and stops
/// watching standard input until `resume()`: the main actor reads what is waiting with ncurses (which must stay on
/// one thread) and then resumes the watch, so the thread never spins on input that is not yet read.
final class InputWatcher: Sendable {
    private let commandRead: Int32
    private let commandWrite: Int32
    private let resizeRead: Int32
    private let resizeWrite: Int32
    private let ready: @Sendable () -> Void
    private let finished = DispatchSemaphore(value: 0)

    /// Creates the pipes and installs the resize forwarding; nil when a pipe cannot be made.
    init?(ready: @escaping @Sendable () -> Void) {
        var command: [Int32] = [0, 0]
        var resize: [Int32] = [0, 0]
        guard batchtop_wake_pipe(&command) == 0 else { return nil }
        guard batchtop_wake_pipe(&resize) == 0 else {
            close(command[0])
            close(command[1])
            return nil
        }
        commandRead = command[0]
        commandWrite = command[1]
        resizeRead = resize[0]
        resizeWrite = resize[1]
        self.ready = ready
        _ = batchtop_winch_forward_start(resizeWrite)
    }

    /// Starts the watching thread.
    func start() {
        DetachedThread.start(name: "batchtop-input") { [self] in watch() }
    }

    /// Watches standard input again after the waiting input was read.
    func resume() { send("r") }

    /// Stops the thread and waits (at most a second) until it has finished, then closes the pipes.
    func stop() {
        batchtop_winch_forward_stop()
        send("s")
        if finished.wait(timeout: .now() + 1) == .success {
            for descriptor in [commandRead, commandWrite, resizeRead, resizeWrite] { close(descriptor) }
        }
    }

    private func send(_ command: Character) {
        var byte = command.asciiValue ?? 0
        _ = write(commandWrite, &byte, 1)
    }

    /// The thread's loop: one `poll` with no timeout per event.
    private func watch() {
        defer { finished.signal() }
        var watchingInput = true
        let capture = batchtop_rescue_capture_fd()
        while true {
            var descriptors = [
                pollfd(fd: commandRead, events: Int16(POLLIN), revents: 0),
                pollfd(fd: resizeRead, events: Int16(POLLIN), revents: 0),
                pollfd(fd: capture, events: Int16(POLLIN), revents: 0),
                pollfd(fd: watchingInput ? STDIN_FILENO : -1, events: Int16(POLLIN), revents: 0),
            ]
            let result = poll(&descriptors, nfds_t(descriptors.count), -1)
            if result < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            if descriptors[0].revents != 0 {
                for command in drain(commandRead) {
                    if command == UInt8(ascii: "s") { return }
                    if command == UInt8(ascii: "r") { watchingInput = true }
                }
            }
            if descriptors[2].revents != 0 { batchtop_rescue_drain() }
            var wake = false
            if descriptors[1].revents != 0 {
                _ = drain(resizeRead)
                wake = true
            }
            if watchingInput, descriptors[3].revents != 0 {
                // Readable, hung up or failed: the main actor reads it (and sees the end of input if that is what it is).
                watchingInput = false
                wake = true
            }
            if wake { ready() }
        }
    }

    /// Reads everything waiting in a non-blocking pipe.
    private func drain(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count > 0 {
                bytes += chunk[0..<count]
                continue
            }
            if count < 0, errno == EINTR { continue }
            return bytes
        }
    }
}
