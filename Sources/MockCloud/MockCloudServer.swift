import FoundationEssentials
import LlamaCloud
import NIOCore
import NIOHTTP1
import NIOPosix

/// An embedded fake LlamaCloud batch-processing server (HTTP/1.1 on SwiftNIO) for the demo, tests and load
/// generation.
public final class MockCloudServer: Sendable {
    /// How long `stop()` lets a request in flight finish before it closes its connection.
    static let stopGrace = TimeAmount.seconds(3)

    private let boundPort: Int
    private let host: String
    private let listener: any Channel
    private let connections: OpenConnections
    private let faults: FaultInjector
    /// The stop in progress or done (nil until `stop()` is first called).
    private let stopping = Locked<EventLoopFuture<Void>?>(nil)

    private init(port: Int, host: String, listener: any Channel, connections: OpenConnections, faults: FaultInjector) {
        boundPort = port
        self.host = host
        self.listener = listener
        self.connections = connections
        self.faults = faults
    }

    /// Starts a server and returns once it is listening; throws `MockCloudStartError` if it cannot bind.
    public static func start(_ configuration: MockCloudConfiguration) async throws -> MockCloudServer {
        let failure = MockCloudStartError(host: configuration.host, port: configuration.port)
        guard (0...65_535).contains(configuration.port) else { throw failure }
        let faults = FaultInjector(faults: configuration.faults, rate: configuration.faultRate)
        let responder = MockResponder(
            apiKey: configuration.apiKey, store: MockStore(scenario: configuration.scenario, now: configuration.now),
            faults: faults)
        let connections = OpenConnections()
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withPipeliningAssistance: true, withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(MockHTTPHandler(responder: responder))
                    connections.add(channel)
                }
            }
        let listener: any Channel
        do {
            listener = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        } catch {
            throw MockCloudStartError(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        guard let port = listener.localAddress?.port, port > 0 else {
            try? await listener.close()
            throw failure
        }
        return MockCloudServer(port: port, host: configuration.host, listener: listener, connections: connections, faults: faults)
    }

    /// Scripts faults: each is shown once, in order, to the next request it targets; other requests are served normally.
    public func injectFaults(_ faults: [MockFault], on target: MockFaultTarget = .any) {
        self.faults.inject(faults, on: target)
    }

    /// Scripted faults not shown yet.
    public var pendingFaults: Int { faults.pending }

    /// API requests received so far, by call (counted before the key is checked).
    public var requestCounts: MockRequestCounts { faults.counts }

    /// Sets the request counts back to zero.
    public func resetRequestCounts() {
        faults.resetCounts()
    }

    /// The port the server listens on.
    public var port: Int { boundPort }

    /// The base URL to give an API client, e.g. `http://127.0.0.1:54321`.
    public var baseURL: String {
        let reachable: String
        switch host {
        case "0.0.0.0", "": reachable = "127.0.0.1"
        case "::": reachable = "[::1]"
        default: reachable = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
        return "http://\(reachable):\(boundPort)"
    }

    /// Stops listening, closes idle connections at once and the others once their request in flight is answered
    /// (forcibly after 3 s), and returns once all are closed; idempotent.
    public func stop() async {
        let listener = self.listener
        let connections = self.connections
        let stop = stopping.withLock { stopping in
            if let stopping { return stopping }
            let started = listener.close().recover { _ in }.flatMap {
                connections.closeAll(on: listener.eventLoop, grace: Self.stopGrace)
            }
            stopping = started
            return started
        }
        try? await stop.get()
    }

    /// Returns when the server has stopped (after `stop()` or a failure).
    public func waitUntilStopped() async {
        try? await listener.closeFuture.get()
        if let stop = stopping.withLock({ $0 }) { try? await stop.get() }
    }
}

/// The server could not listen on the requested address.
struct MockCloudStartError: Error, CustomStringConvertible {
    /// The requested host.
    let host: String
    /// The requested port.
    let port: Int
    /// What the system said, when it said something (e.g. the address is in use).
    var reason: String?

    var description: String {
        "the mock server could not listen on \(host):\(port)" + (reason.map { " (\($0))" } ?? "")
    }
}
