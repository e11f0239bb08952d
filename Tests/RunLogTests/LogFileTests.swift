import Foundation
import RunLog
import Testing

/// The diagnostic log: one line per record, private to its owner, rotated at its cap.
@Suite struct LogFileTests {
    private func temporaryPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batchtop-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("batchtop.log").path
    }

    @Test("requests and retries are one line each with status and duration; the file is 0600")
    func linesAndMode() throws {
        let path = try temporaryPath()
        let log = try LogFile(path: path, now: { Date(timeIntervalSince1970: 1_800_000_000) })
        log.requestFinished(method: "GET", path: "/api/v1/beta/batch-processing?limit=100", status: 200, seconds: 0.0451, failure: nil)
        log.requestFinished(method: "GET", path: "/api/v1/beta/batch-processing/bjb-1", status: 503, seconds: 1.2, failure: "server error 503")
        log.retrying(attempt: 1, seconds: 0.5, after: "server error 503")
        log.write("state\nwith a break")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines == [
            "2027-01-15T08:00:00.000Z request GET /api/v1/beta/batch-processing?limit=100 200 45ms",
            "2027-01-15T08:00:00.000Z request GET /api/v1/beta/batch-processing/bjb-1 503 server error 503 1200ms",
            "2027-01-15T08:00:00.000Z retry 1 in 0.5s after server error 503",
            "2027-01-15T08:00:00.000Z state with a break",
        ])
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }

    @Test("past its cap the file moves to PATH.1 and a new one starts: at most two files, each under the cap")
    func rotation() throws {
        let path = try temporaryPath()
        let log = try LogFile(path: path, maximumBytes: 2048)
        for index in 0..<200 { log.write("line \(index) " + String(repeating: "x", count: 40)) }
        let current = try String(contentsOfFile: path, encoding: .utf8)
        let previous = try String(contentsOfFile: path + ".1", encoding: .utf8)
        #expect(current.utf8.count <= 2048 && previous.utf8.count <= 2048)
        #expect(current.contains("line 199 "))
        #expect(!FileManager.default.fileExists(atPath: path + ".2"))
    }

    @Test("a path that cannot be opened gives a message naming it")
    func unopenable() {
        do {
            _ = try LogFile(path: "/nonexistent-dir/batchtop.log")
            Issue.record("opened a log file in a directory that does not exist")
        } catch {
            #expect(error.description.contains("/nonexistent-dir/batchtop.log"))
        }
    }
}
