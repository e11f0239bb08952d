import NIOCore
import LlamaCloud

/// The server's open connections, so that stopping can close them.
final class OpenConnections: Sendable {
    /// The connections and whether the server is stopping.
    private struct State {
        /// Open connections by identity.
        var channels: [ObjectIdentifier: any Channel] = [:]
        /// True once `closeAll` ran: a connection added later is closed at once.
        var closing = false
    }

    private let state = Locked(State())

    /// Tracks a new connection until it closes; closes it at once when the server is already stopping.
    func add(_ channel: any Channel) {
        let tracked = state.withLock { state in
            guard !state.closing else { return false }
            state.channels[ObjectIdentifier(channel)] = channel
            return true
        }
        guard tracked else {
            channel.close(promise: nil)
            return
        }
        channel.closeFuture.whenComplete { _ in
            self.state.withLock { _ = $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
        }
    }

    /// Asks every connection to close once the request in flight on it is answered (idle ones close at once) and
    /// closes any still open after `grace`; the future completes when all are closed. Runs its work once: later
    /// calls find no connections.
    func closeAll(on eventLoop: any EventLoop, grace: TimeAmount) -> EventLoopFuture<Void> {
        let channels = state.withLock { state in
            let wasClosing = state.closing
            state.closing = true
            return wasClosing ? [] : Array(state.channels.values)
        }
        for channel in channels {
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        let deadline = eventLoop.scheduleTask(in: grace) {
            for channel in channels { channel.close(promise: nil) }
        }
        return EventLoopFuture.andAllComplete(channels.map(\.closeFuture), on: eventLoop).always { _ in
            deadline.cancel()
        }
    }
}
