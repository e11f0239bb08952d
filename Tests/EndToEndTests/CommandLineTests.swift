import Foundation
import Testing

@Suite("batchtop's command line without a terminal")
struct CommandLineTests {
    private func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var base = ProcessInfo.processInfo.environment
        for name in ["LLAMA_CLOUD_API_KEY", "LLAMA_PARSE_API_KEY", "LLAMA_CLOUD_BASE_URL"] { base[name] = nil }
        base.merge(extra) { $1 }
        return base
    }

    @Test("without a key: a message saying how to set one, exit 2")
    func missingKey() throws {
        let result = try Shell.execute(Product.batchtop, [], environment: environment())
        #expect(result.status == 2)
        #expect(result.error.contains("LLAMA_CLOUD_API_KEY"))
        #expect(result.error.contains("--demo"))
    }

    @Test("a bad interval is refused with a clear message")
    func badInterval() throws {
        let result = try Shell.execute(Product.batchtop, ["--demo", "--interval", "0"], environment: environment())
        #expect(result.status != 0)
        #expect(result.error.contains("--interval"))
    }

    @Test("a malformed base URL is refused without printing the key")
    func badBaseURL() throws {
        let key = "llx-test-secret-key"
        let result = try Shell.execute(
            Product.batchtop, ["--base-url", "not a url"], environment: environment(["LLAMA_CLOUD_API_KEY": key]))
        #expect(result.status == 2)
        #expect(result.error.contains("base URL"))
        #expect(!result.error.contains(key) && !result.output.contains(key))
    }

    @Test("a key file others can read is refused with the chmod 600 hint before any connection; at 0600 it is used")
    func keyFilePermissions() throws {
        let server = try ListeningSocket(address: "127.0.0.1")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batchtop-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = directory.appendingPathComponent("key").path
        let key = "llx-test-secret-key-perm"
        try Data(key.utf8).write(to: URL(fileURLWithPath: keyFile))
        let arguments = ["--once", "--timeout", "2", "--base-url", "http://127.0.0.1:\(server.port)", "--api-key-file", keyFile]
        for mode in [0o644, 0o640, 0o604, 0o660] {
            #expect(chmod(keyFile, mode_t(mode)) == 0)
            let refused = try Shell.execute(Product.batchtop, arguments, environment: environment())
            #expect(refused.status == 2, "mode \(String(mode, radix: 8)): stderr \(refused.error)")
            #expect(refused.error.contains("chmod 600"), "stderr: \(refused.error)")
            #expect(!refused.error.contains(key) && !refused.output.contains(key))
            #expect(!server.hasPendingConnection(), "a connection was made although the key file was refused")
        }
        // The control: the same command with the file at 0600 does connect (and then times out on the silent socket).
        #expect(chmod(keyFile, 0o600) == 0)
        let used = try Shell.execute(Product.batchtop, arguments, environment: environment())
        #expect(!used.error.contains("chmod 600"), "stderr: \(used.error)")
        #expect(server.hasPendingConnection(waitingMilliseconds: 1000), "with a 0600 key file batchtop never connected")
    }

    @Test("plain http:// to a non-loopback address is refused before any connection; --insecure-http allows it, warning")
    func plainHTTPRefused() throws {
        let address = ListeningSocket.nonLoopbackIPv4()
        let server = try address.map { try ListeningSocket(address: $0) }
        let url = server.map { "http://\($0.address):\($0.port)" } ?? "http://192.0.2.1:9"
        let key = "llx-test-secret-key-http"
        let refused = try Shell.execute(
            Product.batchtop, ["--once", "--timeout", "2", "--base-url", url], environment: environment(["LLAMA_CLOUD_API_KEY": key]))
        #expect(refused.status == 2, "stderr: \(refused.error)")
        #expect(refused.error.contains("--insecure-http") && refused.error.contains("clear text"), "stderr: \(refused.error)")
        #expect(!refused.error.contains(key) && !refused.output.contains(key))
        if let server {
            #expect(!server.hasPendingConnection(), "a connection was made although plain http was refused")
            let allowed = try Shell.execute(
                Product.batchtop, ["--once", "--timeout", "2", "--base-url", url, "--insecure-http"],
                environment: environment(["LLAMA_CLOUD_API_KEY": key]))
            #expect(allowed.error.contains("warning") && allowed.error.contains("unencrypted"), "stderr: \(allowed.error)")
            #expect(server.hasPendingConnection(waitingMilliseconds: 1000), "--insecure-http did not connect")
        }
        let loopback = try ListeningSocket(address: "127.0.0.1")
        _ = try Shell.execute(
            Product.batchtop, ["--once", "--timeout", "1", "--base-url", "http://localhost:\(loopback.port)"],
            environment: environment(["LLAMA_CLOUD_API_KEY": key]))
        #expect(loopback.hasPendingConnection(waitingMilliseconds: 1000), "plain http to localhost must stay allowed")
    }

    @Test(
        "mock-server refuses a bad scenario or fault rate with a message naming the option",
        arguments: [
            (["--scenario", "churn:0"], "--scenario"), (["--scenario", "churn:x"], "--scenario"),
            (["--scenario", "batches:0:10"], "--scenario"), (["--scenario", "batches:10"], "--scenario"),
            (["--fault-rate", "1.5"], "--fault-rate"), (["--fault-rate", "-0.1"], "--fault-rate"),
            (["--fault-rate", "nan"], "--fault-rate"),
        ])
    func mockServerValidation(_ arguments: [String], option: String) throws {
        let result = try Shell.execute(Product.batchtop, ["mock-server"] + arguments, environment: environment())
        #expect(result.status != 0)
        #expect(result.error.contains(option), "stderr: \(result.error)")
    }

    @Test("--once --demo prints a table of the demo's jobs")
    func onceTable() throws {
        let result = try Shell.execute(Product.batchtop, ["--demo", "--once"], environment: environment(["LANG": "C.UTF-8"]))
        #expect(result.status == 0, "stderr: \(result.error)")
        let rows = result.output.split(separator: "\n").filter { $0.contains("bjb-") }
        #expect(rows.count >= 20)
        #expect(result.output.contains("STATUS"))
    }

    @Test("--once --format json prints parseable JSON with every job")
    func onceJSON() throws {
        let result = try Shell.execute(Product.batchtop, ["--demo", "--once", "--format", "json"], environment: environment())
        #expect(result.status == 0, "stderr: \(result.error)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let jobs = try #require(object?["jobs"] as? [[String: Any]])
        #expect(jobs.count >= 20)
        // Both APIs: beta jobs and v2 batches, each marked, batches with their counts.
        let beta = jobs.filter { $0["api"] as? String == "v1" }
        let batches = jobs.filter { $0["api"] as? String == "v2" }
        #expect(beta.count >= 20 && beta.allSatisfy { ($0["id"] as? String)?.hasPrefix("bjb-") == true })
        #expect(batches.count == 8 && batches.allSatisfy { ($0["id"] as? String)?.hasPrefix("bat-") == true })
        #expect(batches.allSatisfy { ($0["batch"] as? [String: Any])?["done"] is Int })
        #expect(batches.contains { ($0["batch"] as? [String: Any])?["results_known"] as? Bool == false })
        #expect((object?["summary"] as? [String: Any])?["live_apis"] as? [String] == ["v1", "v2"])
        #expect(jobs.allSatisfy { $0.keys.contains("rate_items_per_second") && $0["stalled"] is Bool && $0.keys.contains("eta_seconds") })
        let summary = try #require(object?["summary"] as? [String: Any])
        #expect(summary["jobs"] as? Int == jobs.count)
        let byStatus = try #require(summary["by_status"] as? [String: Int])
        #expect(byStatus.values.reduce(0, +) == jobs.count)
        #expect((summary["active_jobs"] as? Int ?? 0) > 0 && summary["active_items_total"] is Int)
    }

    @Test("the full screen refuses a pipe and TERM=dumb with a hint to use --once")
    func notATerminal() throws {
        let piped = try Shell.execute(Product.batchtop, ["--demo"], environment: environment())
        #expect(piped.status == 1)
        #expect(piped.error.contains("--once"))
    }
}
