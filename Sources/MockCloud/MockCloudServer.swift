import Foundation
import Hummingbird
import LlamaCloud
import Logging
import NIOCore
import ServiceLifecycle

/// An embedded fake LlamaCloud batch-processing server (Hummingbird) for the demo, tests and load generation.
public final class MockCloudServer: Sendable {
    private let boundPort: Int
    private let host: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let faults: FaultInjector

    private init(port: Int, host: String, group: ServiceGroup, task: Task<Void, any Error>, faults: FaultInjector) {
        boundPort = port
        self.host = host
        self.group = group
        self.task = task
        self.faults = faults
    }

    /// Starts a server and returns once it is listening; throws if it cannot bind.
    public static func start(_ configuration: MockCloudConfiguration) async throws -> MockCloudServer {
        let store = MockStore(scenario: configuration.scenario, now: configuration.now)
        let faults = FaultInjector(faults: configuration.faults, rate: configuration.faultRate)
        // Nothing may reach stdout or stderr: the dashboard runs the server under a full-screen UI.
        var logger = Logger(label: "MockCloud", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical

        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            responder: MockResponder(apiKey: configuration.apiKey, store: store, faults: faults),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        var groupConfiguration = ServiceGroupConfiguration(services: [.init(service: application)], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(3)
        let group = ServiceGroup(configuration: groupConfiguration)
        let task = Task<Void, any Error> {
            defer { portContinuation.finish() }
            try await group.run()
        }

        var bound: Int?
        for await port in ports {
            bound = port
            break
        }
        guard let bound, bound > 0 else {
            await group.triggerGracefulShutdown()
            try await task.value
            throw MockCloudStartError(host: configuration.host, port: configuration.port)
        }
        return MockCloudServer(port: bound, host: configuration.host, group: group, task: task, faults: faults)
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

    /// Stops the server (gracefully, then forcibly after 3 s) and returns once it has stopped; idempotent.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Returns when the server has stopped (after `stop()` or a failure).
    public func waitUntilStopped() async {
        _ = await task.result
    }
}

/// The server stopped before it was listening.
struct MockCloudStartError: Error, CustomStringConvertible {
    /// The requested host.
    let host: String
    /// The requested port.
    let port: Int

    var description: String { "the mock server could not listen on \(host):\(port)" }
}
