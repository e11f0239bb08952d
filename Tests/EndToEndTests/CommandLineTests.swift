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

    @Test(
        "mock-server refuses a bad scenario or fault rate with a message naming the option",
        arguments: [
            (["--scenario", "churn:0"], "--scenario"), (["--scenario", "churn:x"], "--scenario"),
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
        #expect(jobs.allSatisfy { ($0["id"] as? String)?.hasPrefix("bjb-") == true })
    }

    @Test("the full screen refuses a pipe and TERM=dumb with a hint to use --once")
    func notATerminal() throws {
        let piped = try Shell.execute(Product.batchtop, ["--demo"], environment: environment())
        #expect(piped.status == 1)
        #expect(piped.error.contains("--once"))
    }
}
