import Foundation
import Testing

/// The beta jobs' path (`--api v1`); `BatchFlowTests` walks the v2 batches of the same demo.
@Suite("An operator's path through batchtop --demo (tmux)", .enabled(if: TmuxSession.isAvailable || tmuxRequired))
struct OperatorFlowTests {
    /// Lines of the table body (job rows).
    static func jobRows(_ screen: String) -> [Substring] {
        screen.split(separator: "\n").filter { $0.hasPrefix(" bjb-") }
    }

    @Test(
        "failed job → detail with the failed file's error → back → filter → cancel a running job → quit",
        arguments: [(120, 40), (80, 24)])
    func operatorFlow(width: Int, height: Int) async throws {
        let binary = Product.batchtop
        try #require(FileManager.default.isExecutableFile(atPath: binary), "batchtop not built at \(binary)")
        let session = try TmuxSession(
            command: "unset NO_COLOR; '\(binary)' --demo --api v1 --interval 1; \(TmuxSession.reportExitAndHold)", width: width,
            height: height, environment: ["LANG": "C.UTF-8"])
        #expect(try await session.waitFor { Self.jobRows($0).count >= 5 }.ok, "no table")

        // Find a failed job: filter on the status word, then open the first match.
        try session.send("/", "f", "a", "i", "l", "e", "d", "Enter")
        let (filtered, table) = try await session.waitFor { screen in
            let rows = Self.jobRows(screen)
            return !rows.isEmpty && rows.allSatisfy { $0.contains("failed") }
        }
        #expect(filtered, "filter 'failed' did not narrow the table:\n\(table)")
        let failedID = try #require(Self.jobRows(table).first?.split(separator: " ").first.map(String.init))
        try session.send("g", "Enter")
        let (detail, detailScreen) = try await session.waitFor { screen in
            screen.contains(failedID) && screen.contains("Files (")
                && screen.split(separator: "\n").contains { $0.hasPrefix(" ✘ failed") && $0.count > 60 }
        }
        #expect(detail, "the detail did not show a failed file with its error:\n\(detailScreen)")
        let failedLine = detailScreen.split(separator: "\n").first { $0.hasPrefix(" ✘ failed") } ?? ""
        let knownErrors = ["Unsupported file type", "password-protected", "Timed out", "Worker crashed", "corrupt", "error", "Error"]
        #expect(knownErrors.contains { failedLine.contains($0) }, "no error text on the failed file: \(failedLine)")
        #expect(detailScreen.contains("error_message") || detailScreen.contains("error:"))

        // Back to the same place: the filtered table with the same job selected.
        try session.send("Escape")
        #expect(try await session.waitFor { !$0.contains("Files (") && Self.jobRows($0).first?.hasPrefix(" \(failedID)") == true }.ok)

        // Filter by a word (a status word: the TYPE column is dropped at 80 columns, the status never is).
        try session.send("Escape", "/", "c", "o", "m", "p", "l", "e", "t", "e", "d", "Enter")
        let (typed, typedScreen) = try await session.waitFor { screen in
            let rows = Self.jobRows(screen)
            return !rows.isEmpty && rows.allSatisfy { $0.contains("completed") }
        }
        #expect(typed, "filter 'completed' did not apply:\n\(typedScreen)")

        // Cancel a running job through the dialog.
        try session.send("Escape", "/", "r", "u", "n", "n", "i", "n", "g", "Enter")
        let (running, runningScreen) = try await session.waitFor { screen in
            let rows = Self.jobRows(screen)
            return !rows.isEmpty && rows.allSatisfy { $0.contains("running") }
        }
        #expect(running, "no running jobs to cancel:\n\(runningScreen)")
        let runningID = try #require(Self.jobRows(runningScreen).first?.split(separator: " ").first.map(String.init))
        try session.send("g", "c")
        let (dialog, dialogScreen) = try await session.waitFor { $0.contains("Cancel this job?") }
        #expect(dialog, "no confirmation dialog:\n\(dialogScreen)")
        try session.send("y")
        let (cancelled, cancelScreen) = try await session.waitFor { $0.contains("cancel \(runningID)") }
        #expect(cancelled, "no cancel outcome in the status line:\n\(cancelScreen)")
        try session.send("Escape", "/", runningID, "Enter")
        #expect(try await session.waitFor { screen in
            Self.jobRows(screen).contains { $0.hasPrefix(" \(runningID)") && $0.contains("cancelled") }
        }.ok, "the cancelled job is not shown as cancelled")

        try session.send("Escape", "q")
        #expect(try await session.waitFor { $0.contains("EXIT:0") }.ok)
        #expect(session.display("#{alternate_on}") == "0")
    }
}
