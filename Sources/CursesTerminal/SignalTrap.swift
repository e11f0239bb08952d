#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import FoundationEssentials

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into a main-actor callback, so the terminal is restored before exiting
/// (ncurses alone does not restore it on SIGHUP, the signal of a dropped SSH connection).
@MainActor
public final class SignalTrap {
    private var sources: [any DispatchSourceSignal] = []
    private let signals: [Int32]

    /// The signals trapped by default: interrupt, terminate, hang-up (a dropped SSH connection) and quit (Ctrl-\).
    public static let defaultSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Installs the trap for the given signals; keep the returned object alive for as long as it should hold.
    public init(signals: [Int32] = SignalTrap.defaultSignals, handler: @escaping @MainActor @Sendable (Int32) -> Void) {
        self.signals = signals
        for signalNumber in signals {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
            source.setEventHandler {
                MainActor.assumeIsolated { handler(signalNumber) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Removes the trap and restores the default signal dispositions.
    public func cancel() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for signalNumber in signals { signal(signalNumber, SIG_DFL) }
    }
}
