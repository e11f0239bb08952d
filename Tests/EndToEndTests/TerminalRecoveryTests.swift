import Foundation
import Testing

/// The terminal comes back even when batchtop does not leave by its own choice: a fatal error, a segmentation fault,
/// an abort, or a terminal whose input ends without a SIGHUP.
@Suite("The terminal always comes back (tmux)", .enabled(if: TmuxSession.isAvailable || tmuxRequired))
struct TerminalRecoveryTests {
    /// One forced crash: the trigger, the environment of the Swift backtracer, and text the screen must show after.
    struct Crash: CustomTestStringConvertible, Sendable {
        let mode: String
        let backtracer: String
        let expectedText: String?
        var testDescription: String { "\(mode) with SWIFT_BACKTRACE=\(backtracer)" }
    }

    static let crashes = [
        Crash(mode: "fatal", backtracer: "enable=yes,interactive=no", expectedText: "Fatal error: BATCHTOP_TEST_CRASH=fatal"),
        Crash(mode: "segv", backtracer: "enable=no", expectedText: nil),
        Crash(mode: "abort", backtracer: "enable=yes,interactive=no", expectedText: nil),
    ]

    @Test("a fatal signal leaves the alternate screen, shows the cursor, restores echo and line mode, and is still reported",
          arguments: crashes)
    func crashRestoresTerminal(crash: Crash) async throws {
        let binary = Product.batchtop
        try #require(FileManager.default.isExecutableFile(atPath: binary), "batchtop not built at \(binary)")
        let session = try TmuxSession(
            command: "unset NO_COLOR; '\(binary)' --demo --interval 1; echo \"EXIT:$?\"; stty -a | tr ';' '\\n' | tr ' ' '\\n' "
                + "| grep -E '^-?(echo|icanon)$' | tr '\\n' ' ' | sed 's/^/MODES: /'; echo; \(TmuxSession.holdPane)",
            environment: ["LANG": "C.UTF-8", "BATCHTOP_TEST_CRASH": crash.mode, "SWIFT_BACKTRACE": crash.backtracer])
        let (done, screen) = try await session.waitFor(seconds: 90) { $0.contains("MODES:") }
        #expect(done, "batchtop did not end after the forced \(crash.mode) crash:\n\(screen)")
        #expect(session.display("#{alternate_on}") == "0", "still in the alternate screen:\n\(screen)")
        #expect(session.display("#{cursor_flag}") == "1", "the cursor is still hidden")
        let code = screen.split(separator: "\n").first { $0.hasPrefix("EXIT:") }.flatMap { Int($0.dropFirst(5)) }
        #expect((code ?? 0) > 128, "the crash must still end the process by its signal, got \(String(describing: code))")
        let modes = screen.split(separator: "\n").first { $0.hasPrefix("MODES:") }.map(String.init) ?? ""
        #expect(modes.contains(" echo") && modes.contains(" icanon"), "echo or line mode not restored: \(modes)")
        if let expectedText = crash.expectedText {
            let history = session.capture(history: 400)
            #expect(history.contains(expectedText), "the crash message was lost:\n\(history)")
        }
    }

    @Test("end of input on the terminal without a SIGHUP ends batchtop within a second, with a message")
    func endOfInputExits() async throws {
        let binary = Product.batchtop
        try #require(FileManager.default.isExecutableFile(atPath: binary), "batchtop not built at \(binary)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batchtop-eof-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let codeFile = directory.appendingPathComponent("code").path
        let errorFile = directory.appendingPathComponent("stderr").path
        // setsid: batchtop runs in a session of its own, so closing the pane sends it no SIGHUP; its terminal input
        // just ends (reads fail, poll reports a hang-up), which is the case this checks.
        let session = try TmuxSession(
            command: "setsid -w sh -c \"'\(binary)' --demo --interval 1 2>'\(errorFile)'; echo \\$? > '\(codeFile)'\"",
            environment: ["LANG": "C.UTF-8"])
        let (ready, screen) = try await session.waitFor { DemoInTmuxTests.jobRows($0).count >= 5 }
        try #require(ready, "the demo never showed rows:\n\(screen)")
        session.kill()
        let code = try await waitForFile(codeFile, seconds: 5) { !$0.isEmpty }
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(code == "1", "batchtop did not exit after its terminal closed (exit code file: '\(code)')")
        let message = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
        #expect(message.contains("terminal's input ended"), "no message on standard error: \(message)")
    }
}
