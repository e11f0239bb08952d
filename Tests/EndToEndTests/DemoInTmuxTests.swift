import Foundation
import Testing

/// Terminal tests need tmux; `.ci/run` installs it and sets BATCHTOP_REQUIRE_TMUX=1 so they cannot be skipped there.
let tmuxRequired = ProcessInfo.processInfo.environment["BATCHTOP_REQUIRE_TMUX"] == "1"

@Suite("batchtop --demo in a real terminal (tmux)", .enabled(if: TmuxSession.isAvailable || tmuxRequired))
struct DemoInTmuxTests {
    static let statusWords = ["running", "pending", "dispatched", "completed", "failed", "cancelled"]
    static let gaugeCharacters: Set<Character> = ["█", "▉", "▊", "▋", "▌", "▍", "▎", "▏"]

    /// Lines that look like job rows: a job ID, a status word and a percentage.
    static func jobRows(_ screen: String) -> [Substring] {
        screen.split(separator: "\n").filter { line in
            line.contains("bjb-") && statusWords.contains { line.contains($0) } && line.contains("%")
        }
    }

    private func startDemo(_ extraArguments: String = "", environment: [String: String] = ["LANG": "C.UTF-8"]) throws -> TmuxSession {
        let binary = Product.batchtop
        try #require(FileManager.default.isExecutableFile(atPath: binary), "batchtop not built at \(binary)")
        // The test runner may export NO_COLOR; the demo must see only what the test sets.
        let reset = environment["NO_COLOR"] == nil ? "unset NO_COLOR; " : ""
        return try TmuxSession(
            command: reset + "'\(binary)' --demo --interval 1 \(extraArguments); \(TmuxSession.reportExitAndHold)",
            environment: environment)
    }

    @Test("shows a header, at least ten job rows with gauges and status words, live; q exits and leaves the alternate screen")
    func demoTable() async throws {
        let session = try startDemo()
        let (ready, screen) = try await session.waitFor { Self.jobRows($0).count >= 10 }
        #expect(ready, "the table never showed ten job rows:\n\(screen)")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.contains("batchtop") == true)
        #expect(lines.first?.contains("demo") == true)
        #expect(lines.count > 2 && lines[2].contains("STATUS") && lines[2].contains("PROGRESS"))
        let rows = Self.jobRows(screen)
        #expect(rows.filter { $0.contains(where: { Self.gaugeCharacters.contains($0) }) }.count >= 10)
        #expect(session.display("#{alternate_on}") == "1")

        let (moved, later) = try await session.waitFor(seconds: 20) { Self.jobRows($0) != rows && !Self.jobRows($0).isEmpty }
        #expect(moved, "no row changed within 20 s:\n\(later)")

        try session.send("q")
        let (exited, after) = try await session.waitFor { $0.contains("EXIT:0") }
        #expect(exited, "batchtop did not exit with 0 after q:\n\(after)")
        #expect(session.display("#{alternate_on}") == "0")
    }

    @Test("status is shown with colour and a symbol, and the selected row in reverse video")
    func coloursAndSelection() async throws {
        let session = try startDemo()
        let (ready, screen) = try await session.waitFor(escapes: true) { $0.contains("bjb-") && $0.contains("running") }
        #expect(ready, "no running job appeared:\n\(screen)")
        #expect(screen.contains("\u{1B}[7m") || screen.contains(";7m"), "no reverse-video selection")
        #expect(screen.contains("▶ running") || screen.contains("▶\u{1B}"))
        let colourCodes = ["\u{1B}[31m", "\u{1B}[32m", "\u{1B}[33m", "\u{1B}[35m", "\u{1B}[36m"]
        #expect(colourCodes.filter { screen.contains($0) }.count >= 3, "too few status colours:\n\(screen.debugDescription)")
        try session.send("q")
        #expect(try await session.waitFor { $0.contains("EXIT:0") }.ok)
    }

    @Test("Ctrl-C restores the terminal and exits with 130")
    func interrupt() async throws {
        let session = try startDemo()
        #expect(try await session.waitFor { Self.jobRows($0).count >= 10 }.ok)
        try session.send("C-c")
        let (exited, screen) = try await session.waitFor { $0.contains("EXIT:130") }
        #expect(exited, "no EXIT:130 after Ctrl-C:\n\(screen)")
        #expect(session.display("#{alternate_on}") == "0")
    }

    @Test("SIGTERM, SIGHUP (a dropped SSH connection) and SIGQUIT restore the terminal", arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGQUIT, 131)])
    func signals(signal: Int32, exitCode: Int) async throws {
        let session = try startDemo()
        #expect(try await session.waitFor { Self.jobRows($0).count >= 10 }.ok)
        let shell = try #require(Int32(session.display("#{pane_pid}")))
        let pid = try #require(ProcessTree.children(of: shell).first, "batchtop's process not found under the pane's shell")
        #expect(kill(pid, signal) == 0)
        let (exited, screen) = try await session.waitFor { $0.contains("EXIT:\(exitCode)") }
        #expect(exited, "no EXIT:\(exitCode) after signal \(signal):\n\(screen)")
        #expect(session.display("#{alternate_on}") == "0")
    }

    @Test("with LANG=C the screen is ASCII only, gauges drawn with #")
    func asciiLocale() async throws {
        let session = try startDemo(environment: ["LANG": "C", "LC_ALL": "C"])
        let (ready, screen) = try await session.waitFor { Self.jobRows($0).count >= 10 && $0.contains("#") }
        #expect(ready, "no ASCII table:\n\(screen)")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII output under LANG=C:\n\(screen)")
        try session.send("q")
        #expect(try await session.waitFor { $0.contains("EXIT:0") }.ok)
    }
}
