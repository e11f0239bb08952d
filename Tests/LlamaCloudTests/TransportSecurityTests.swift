import LlamaCloud
import Testing

@Suite("The key never crosses a network in clear text")
struct TransportSecurityTests {
    @Test(
        "loopback names and addresses are recognised from their text alone",
        arguments: [
            ("localhost", true), ("LOCALHOST", true), ("api.localhost", true), ("localhost.", true), ("127.0.0.1", true),
            ("127.255.0.9", true), ("::1", true), ("[::1]", true), ("0:0:0:0:0:0:0:1", true),
            ("128.0.0.1", false), ("127.0.0.256", false), ("127.0.0", false), ("127.0.0.1.example.com", false),
            ("localhost.example.com", false), ("10.0.0.1", false), ("api.cloud.llamaindex.ai", false), ("", false),
            ("127.0.0.-1", false), ("::2", false),
        ])
    func loopback(host: String, expected: Bool) {
        #expect(APIConfiguration.isLoopback(host: host) == expected)
    }

    @Test(
        "plain http is refused unless loopback or explicitly allowed; https is always fine",
        arguments: [
            ("http://10.1.2.3:8080", false, true), ("http://10.1.2.3:8080", true, false),
            ("http://api.example.com", false, true), ("HTTP://api.example.com", false, true),
            ("http://127.0.0.1:4000", false, false), ("http://localhost:4000/", false, false),
            ("http://[::1]:4000", false, false), ("https://api.example.com", false, false),
        ])
    func refusal(url: String, allowed: Bool, refused: Bool) {
        let configuration = APIConfiguration(baseURL: url, apiKey: "llx-secret")
        let problem = configuration.validationError(allowingPlainHTTP: allowed)
        #expect((problem != nil) == refused, "\(url): \(problem ?? "accepted")")
        #expect(problem?.contains("llx-secret") != true)
    }
}
