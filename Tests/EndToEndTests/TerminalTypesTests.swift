import Foundation
import Testing

@Suite("batchtop under different TERM values (tmux)", .enabled(if: TmuxSession.isAvailable || tmuxRequired))
struct TerminalTypesTests {
    private func start(term: String) throws -> TmuxSession {
        let binary = Product.batchtop
        try #require(FileManager.default.isExecutableFile(atPath: binary), "batchtop not built at \(binary)")
        return try TmuxSession(
            command: "unset NO_COLOR; TERM=\(term) '\(binary)' --demo; \(TmuxSession.reportExitAndHold)",
            environment: ["LANG": "C.UTF-8"])
    }

    @Test("the table works with the usual TERMs", arguments: ["xterm-256color", "xterm", "screen", "screen-256color", "tmux-256color", "vt100", "linux"])
    func usualTerminals(term: String) async throws {
        let session = try start(term: term)
        let (ready, screen) = try await session.waitFor { screen in
            screen.split(separator: "\n").filter { $0.hasPrefix(" bjb-") && $0.contains("%") }.count >= 10
        }
        #expect(ready, "TERM=\(term): no table:\n\(screen)")
        #expect(screen.split(separator: "\n").first?.contains("batchtop") == true)
        try session.send("q")
        let (exited, after) = try await session.waitFor { $0.contains("EXIT:0") }
        #expect(exited, "TERM=\(term): no clean exit:\n\(after)")
        #expect(session.display("#{alternate_on}") == "0")
    }

    @Test("TERM=dumb and an unknown TERM get a clear message suggesting --once, not a garbled screen", arguments: ["dumb", "no-such-terminal-xyz"])
    func unusableTerminals(term: String) async throws {
        let session = try start(term: term)
        let (refused, screen) = try await session.waitFor { $0.contains("EXIT:1") }
        #expect(refused, "TERM=\(term): expected exit 1:\n\(screen)")
        #expect(screen.contains("--once"))
        #expect(screen.contains(term))
        #expect(!screen.contains("bjb-"))
    }
}
