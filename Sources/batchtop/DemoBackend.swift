import FoundationEssentials
import MockCloud

/// The embedded mock server behind `--demo`, on a loopback port with a fresh random key.
struct DemoBackend {
    let server: MockCloudServer
    let apiKey: String

    /// The server's base URL.
    var baseURL: String { server.baseURL }

    /// Starts the mock backend with the demo scenario.
    static func start() async throws -> DemoBackend {
        let key = "demo-" + UUID().uuidString.lowercased()
        let server = try await MockCloudServer.start(MockCloudConfiguration(apiKey: key, scenario: .demo()))
        return DemoBackend(server: server, apiKey: key)
    }

    /// Stops the server.
    func stop() async {
        await server.stop()
    }
}
