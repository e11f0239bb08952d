import Foundation
import Testing

/// What the terminal receives for `y` (OSC 52), read from the pane's output stream (`tmux pipe-pane -O`), and that
/// no control is sent when the output is not a terminal.
@Suite("Clipboard and notifications reach the terminal as exact sequences (tmux)", .enabled(if: TmuxSession.isAvailable || tmuxRequired))
struct TerminalControlInTmuxTests {
    @Test("y sends the selected job's ID as OSC 52 (base64) and says so in the status line")
    func copyJobID() async throws {
        let binary = Product.batchtop
        try #require(FileManager.default.isExecutableFile(atPath: binary), "batchtop not built at \(binary)")
        let session = try TmuxSession(
            command: "'\(binary)' --demo --interval 1; \(TmuxSession.reportExitAndHold)", environment: ["LANG": "C.UTF-8"])
        #expect(try await session.waitFor { DemoInTmuxTests.jobRows($0).count >= 5 }.ok)
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("batchtop-pipe-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: capture) }
        try session.pipeOutput(to: capture)
        try session.send("j", "y")
        // The second row is a beta job or a v2 batch, whichever the demo sorts there.
        let (copied, screen) = try await session.waitFor { $0.contains("copied bjb-") || $0.contains("copied bat-") }
        #expect(copied, "no confirmation in the status line:\n\(screen)")
        let line = screen.split(separator: "\n").first { $0.contains("copied b") } ?? ""
        let id = try #require(
            line.split(separator: " ").first { $0.hasPrefix("bjb-") || $0.hasPrefix("bat-") }.map(String.init))
        let expected = "\u{1B}]52;c;" + Data(id.utf8).base64EncodedString() + "\u{07}"
        let received = try await waitForFile(capture, seconds: 10) { $0.contains(expected) }
        #expect(received.contains(expected), "the pane never received OSC 52 for \(id)")
        #expect(received.components(separatedBy: "\u{1B}]52;").count == 2, "OSC 52 sent more than once")
        try session.send("q")
        #expect(try await session.waitFor { $0.contains("EXIT:0") }.ok)
    }

    @Test("--notify: a job that finishes rings the bell and sends OSC 9 and OSC 777 through tmux's passthrough, once")
    func notification() async throws {
        let binary = Product.batchtop
        try #require(FileManager.default.isExecutableFile(atPath: binary), "batchtop not built at \(binary)")
        // The pane waits for `ready` before starting batchtop, so the pipe is in place before anything is written
        // (on a loaded machine the demo's first job can finish before the table shows five rows).
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batchtop-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ready = directory.appendingPathComponent("ready").path
        let capture = directory.appendingPathComponent("pipe").path
        let session = try TmuxSession(
            command: "while [ ! -e '\(ready)' ]; do sleep 0.1; done; '\(binary)' --demo --interval 1 --notify; "
                + "\(TmuxSession.reportExitAndHold)",
            environment: ["LANG": "C.UTF-8"])
        try session.pipeOutput(to: capture)
        #expect(FileManager.default.createFile(atPath: ready, contents: Data()))
        #expect(try await session.waitFor { DemoInTmuxTests.jobRows($0).count >= 5 }.ok)
        // The demo finishes its first job within about a minute.
        let (announced, screen) = try await session.waitFor(seconds: 90) { $0.contains(" completed") && $0.contains("✔ bjb-") }
        #expect(announced, "no finished job announced in the status line:\n\(screen)")
        let line = screen.split(separator: "\n").last { $0.contains("✔ bjb-") } ?? ""
        let id = try #require(line.split(separator: " ").first { $0.hasPrefix("bjb-") }.map(String.init))
        let osc9 = "\u{1B}Ptmux;\u{1B}\u{1B}]9;batchtop: "
        let osc777 = "\u{1B}Ptmux;\u{1B}\u{1B}]777;notify;batchtop;"
        let received = try await waitForFile(capture, seconds: 10) { $0.contains(osc777) && $0.contains(id) }
        #expect(received.contains("\u{07}\u{1B}Ptmux;"), "no bell before the notification")
        #expect(received.contains(osc9) && received.contains(osc777) && received.contains(id), "no OSC 9/777 for \(id)")
        // The capture also holds the screen itself (the status line names the job): count the notifications only.
        let notifications = received.components(separatedBy: osc9).dropFirst().filter { $0.prefix { $0 != "\u{07}" }.contains(id) }
        #expect(notifications.count == 1, "the alert for \(id) was not sent exactly once: \(notifications.count)")
        try session.send("q")
        #expect(try await session.waitFor { $0.contains("EXIT:0") }.ok)
    }

    @Test("without a terminal (headless --until-done --notify), no escape sequence is written")
    func noControlsWithoutTerminal() throws {
        let result = try Shell.execute(
            Product.batchtop, ["--demo", "--until-done", "--notify", "--timeout-total", "3", "--interval", "0.5", "--format", "line"],
            environment: ProcessInfo.processInfo.environment.merging(["LANG": "C.UTF-8"]) { $1 })
        #expect(result.status == 3, "stderr: \(result.error)")
        #expect(!result.output.isEmpty)
        #expect(!result.output.contains("\u{1B}") && !result.output.contains("\u{07}"), "a control in the output")
    }
}
