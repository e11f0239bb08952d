import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// Strings from the server (IDs, types, statuses, error messages) must never put control characters on screen; what
/// was odd shows as visible stand-ins (`␛[2J`) in the alert style.
@Suite struct ServerTextTests {
    private static let escape = "\u{1B}[2J"

    private func render(_ job: Job, health: APIHealth, source: String = "demo") -> Buffer {
        var state = Fixtures.state(
            snapshot: Fixtures.snapshot([TrackedJob(job: job, fetchedAt: Fixtures.ago(1))], health: health))
        state.source = source
        return Fixtures.render(state)
    }

    private func hostileJob() -> Job {
        Job(
            id: "bjb-\(Self.escape)evil-1234", type: .other("\u{1B}]0;x\u{07}weird"), status: .other("\u{1B}[31mbad"),
            totalItems: 5, processedItems: 1, errorMessage: "boom \(Self.escape)")
    }

    private func controlScalars(in buffer: Buffer) -> [String] {
        buffer.cells.map(\.text).filter { text in
            text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
        }
    }

    @Test func hostileJobFieldsAreSanitised() {
        let buffer = render(hostileJob(), health: APIHealth(lastSuccess: Fixtures.ago(1)))
        #expect(controlScalars(in: buffer) == [])
        #expect(buffer.lines[1].hasPrefix(" ▶ 0 running  ◌ 0 pending  ✔ 0 completed  ✘ 0 failed  ? 1 ␛[31mbad "))
        #expect(buffer.lines[3].hasPrefix(" bjb-␛[2Jevil ␛]0;x␇w… ? ␛[31mbad   █████▊ "))
        let marks = (0..<buffer.width).filter { TerminalText.isMark(Character(buffer[$0, 3].text.isEmpty ? " " : buffer[$0, 3].text)) }
        #expect(marks.count == 4, "the ␛ of the ID, ␛ and ␇ of the type, ␛ of the status")
        #expect(marks.allSatisfy { buffer[$0, 3].style.foreground == Theme.defaultDark.alert.foreground })
    }

    @Test func hostileErrorMessageAndSourceAreSanitised() {
        let health = APIHealth(
            lastSuccess: Fixtures.ago(30), lastError: "HTTP 500: \(Self.escape)boom", lastErrorAt: Fixtures.ago(1),
            consecutiveFailures: 1)
        let buffer = render(hostileJob(), health: health, source: "http://x\(Self.escape)\u{9B}31m")
        #expect(controlScalars(in: buffer) == [])
        #expect(buffer.lines[0].hasPrefix(" batchtop · http://x␛[2J␛[31m · 1 jobs "))
        #expect(buffer.lines[0].hasSuffix(" API degraded (1x)"))
        #expect(buffer.lines[1] == " ⚠ API degraded: HTTP 500: ␛[2Jboom")
    }

    @Test func unauthorizedShowsTheNextStepNotTheServersText() {
        let health = APIHealth(lastError: "bad key\n\u{1B}]0;pwned\u{07}", consecutiveFailures: 1, isUnauthorized: true)
        let buffer = render(hostileJob(), health: health)
        #expect(controlScalars(in: buffer) == [])
        #expect(buffer.lines[0].hasSuffix("API key rejected, polling stopped"))
        #expect(buffer.lines[1].hasPrefix(" ⚠ API key rejected (401): check LLAMA_CLOUD_API_KEY"))
        #expect(!buffer.lines.joined().contains("pwned"))
    }
}
