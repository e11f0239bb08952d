import Foundation
import Testing

/// The v2 batches of `batchtop --demo`, as an operator sees them in a real terminal.
@Suite("v2 batches in batchtop --demo (tmux)", .enabled(if: TmuxSession.isAvailable || tmuxRequired))
struct BatchFlowTests {
    /// Lines of the table body that are v2 batches.
    static func batchRows(_ screen: String) -> [Substring] {
        screen.split(separator: "\n").filter { $0.hasPrefix(" bat-") }
    }

    @Test("batches with gauges, a THROTTLED batch, unknown progress; a batch's detail with mapping errors; cancel → cancelled")
    func batchFlow() async throws {
        let binary = Product.batchtop
        try #require(FileManager.default.isExecutableFile(atPath: binary), "batchtop not built at \(binary)")
        let session = try TmuxSession(
            command: "unset NO_COLOR; '\(binary)' --demo --interval 1; \(TmuxSession.reportExitAndHold)", width: 140,
            height: 45, environment: ["LANG": "C.UTF-8"])
        let (table, tableScreen) = try await session.waitFor { screen in
            let rows = Self.batchRows(screen)
            return rows.count == 8 && rows.contains { $0.contains("█") && $0.contains("%") }
        }
        #expect(table, "no v2 batches with gauges:\n\(tableScreen)")
        #expect(try await session.waitFor { $0.contains("API ok (v1+v2)") }.ok, "the title does not name both APIs")
        // The demo's extract batch is THROTTLED for 30 s from 6 s, 70 s, 150 s…: its own symbol and word.
        let (throttled, throttledScreen) = try await session.waitFor(seconds: 70) { screen in
            Self.batchRows(screen).contains { $0.contains("⧗ throttled") }
        }
        #expect(throttled, "no THROTTLED batch:\n\(throttledScreen)")
        // A batch whose results stay null shows no 0 % gauge but an unknown one.
        #expect(Self.batchRows(throttledScreen).contains { $0.contains("unknown") && $0.contains("?") })

        // The 200-file batch has mapping errors: open it.
        let row = try #require(Self.batchRows(throttledScreen).first { $0.contains("/200") })
        let id = try #require(row.split(separator: " ").first.map(String.init))
        try session.send("/")
        try session.send("-l", id)
        try session.send("Enter")
        #expect(try await session.waitFor { Self.batchRows($0).count == 1 }.ok)
        try session.send("Enter")
        let (detail, detailScreen) = try await session.waitFor { screen in
            let lines = screen.split(separator: "\n")
            return screen.contains("config_type") && screen.contains("parse_v2") && screen.contains("Files (")
                && lines.contains { $0.hasPrefix(" ✘ failed") && $0.contains("no job") }
                && lines.contains { $0.contains("pjb-") }
        }
        #expect(detail, "the batch detail lacks its fields, a mapping error or a job ID:\n\(detailScreen)")
        // f narrows the files to one status at a time, failed first.
        try session.send("f")
        let (failedOnly, failedScreen) = try await session.waitFor { screen in
            let files = screen.split(separator: "\n").filter { $0.hasPrefix(" ✘ ") || $0.hasPrefix(" ▶ ") || $0.hasPrefix(" · ") || $0.hasPrefix(" ✔ ") }
            return screen.contains("Files (only failed") && !files.isEmpty && files.allSatisfy { $0.hasPrefix(" ✘ failed") }
        }
        #expect(failedOnly, "f did not show only failed files:\n\(failedScreen)")

        // Cancel the long extract batch (150 files, about 8 minutes: the 200-file one above ends about 105 s in, which
        // a starved test machine can reach): the dialog, then cancelling… until the batch turns CANCELLED.
        let longRow = try #require(Self.batchRows(throttledScreen).first { $0.contains("/150") })
        let longID = try #require(longRow.split(separator: " ").first.map(String.init))
        try session.send("Escape")
        #expect(try await session.waitFor { !$0.contains("Files (") }.ok)
        try session.send("Escape", "/")
        try session.send("-l", longID)
        try session.send("Enter")
        #expect(try await session.waitFor { Self.batchRows($0).count == 1 && Self.batchRows($0)[0].hasPrefix(" \(longID)") }.ok)
        try session.send("c")
        #expect(try await session.waitFor { $0.contains("Cancel this job?") && $0.contains(longID) }.ok)
        try session.send("y")
        let (cancelled, cancelScreen) = try await session.waitFor { screen in
            Self.batchRows(screen).contains { $0.hasPrefix(" \(longID)") && $0.contains("⊘ cancelled") }
        }
        #expect(cancelled, "the batch did not turn cancelled:\n\(cancelScreen)")
        #expect(cancelScreen.contains("cancel \(longID)"))

        try session.send("Escape", "q")
        #expect(try await session.waitFor { $0.contains("EXIT:0") }.ok)
        #expect(session.display("#{alternate_on}") == "0")
    }
}
