import Foundation
import Testing

@Suite("--until-done exits with the jobs' outcome (tmux)", .enabled(if: TmuxSession.isAvailable || tmuxRequired))
struct UntilDoneInTmuxTests {
    /// IDs of the demo's jobs with the given status, read through `--once --format json`.
    private func demoJobs(status: String) throws -> [String] {
        let result = try Shell.execute(Product.batchtop, ["--demo", "--once", "--format", "json"])
        try #require(result.status == 0, "stderr: \(result.error)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let jobs = try #require(object?["jobs"] as? [[String: Any]])
        return jobs.filter { $0["status"] as? String == status }.compactMap { $0["id"] as? String }
    }

    @Test("finished jobs: 0 when all completed, 1 when one failed", arguments: [(["completed"], 0), (["completed", "failed"], 1)])
    func outcome(statuses: [String], expected: Int) async throws {
        var ids: [String] = []
        for status in statuses { ids.append(try #require(try demoJobs(status: status).first, "no \(status) demo job")) }
        let session = try TmuxSession(
            command: "'\(Product.batchtop)' --demo --until-done \(ids.joined(separator: " ")); \(TmuxSession.reportExitAndHold)",
            environment: ["LANG": "C.UTF-8"])
        let (exited, screen) = try await session.waitFor { $0.contains("EXIT:") }
        #expect(exited, "batchtop did not exit by itself:\n\(screen)")
        #expect(screen.contains("EXIT:\(expected)"), "\(screen)")
        #expect(session.display("#{alternate_on}") == "0")
    }

    @Test("the full screen uses the same codes: 3 on --timeout-total, 5 for an unknown job")
    func sameCodesFullScreen() async throws {
        let running = try #require(try demoJobs(status: "running").first, "no running demo job")
        for (arguments, expected) in [("--timeout-total 2 \(running)", 3), ("bjb-no-such-job", 5)] {
            let session = try TmuxSession(
                command: "'\(Product.batchtop)' --demo --until-done \(arguments); \(TmuxSession.reportExitAndHold)",
                environment: ["LANG": "C.UTF-8"])
            let (exited, screen) = try await session.waitFor { $0.contains("EXIT:") }
            #expect(exited, "batchtop did not exit by itself:\n\(screen)")
            #expect(screen.contains("EXIT:\(expected)"), "\(screen)")
            #expect(session.display("#{alternate_on}") == "0")
        }
    }
}
