#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CTerminalWake

/// A detached thread of its own for a body that blocks (what Foundation's `Thread` was, without linking Foundation):
/// the input watcher waits in `poll(2)` for as long as the dashboard runs, which must not hold one of the
/// concurrency pool's two threads on this machine.
enum DetachedThread {
    /// The body and the thread's name, handed to the new thread.
    private final class Start {
        let name: String
        let body: () -> Void

        init(name: String, body: @escaping () -> Void) {
            self.name = name
            self.body = body
        }
    }

    /// Runs `body` on a new detached thread named `name` (at most 15 bytes show); false when none could be started.
    @discardableResult
    static func start(name: String, _ body: @escaping () -> Void) -> Bool {
        let start = Unmanaged.passRetained(Start(name: name, body: body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            let start = Unmanaged<Start>.fromOpaque(argument).takeRetainedValue()
            batchtop_name_thread(start.name)
            start.body()
            return nil
        }, start)
        guard created == 0 else {
            Unmanaged<Start>.fromOpaque(start).release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}
