import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// File names with double-width (CJK, emoji) and combining characters keep the detail screen's columns aligned.
@Suite struct WideNamesTests {
    static let names = ["報告書-2026-Q3.pdf", "📄 scan-0001.pdf", "café-menu.docx", "plain-ascii.pdf", "e\u{301}te\u{301}.pdf"]

    @Test func errorColumnStartsAtTheSameCellInEveryRow() throws {
        var state = Fixtures.state(width: 100, height: 30)
        let jobID = try #require(state.rows.first?.id)
        state.selectedID = jobID
        let effects = Fixtures.press(.enter, on: &state)
        let request = try #require(Fixtures.request(in: effects))
        let files = Self.names.enumerated().map { index, name in
            FileItem(id: "f\(index)", name: name, status: "failed", errorMessage: "boom-\(index)")
        }
        _ = Reducer.reduce(&state, Fixtures.loaded(request, files, total: files.count))
        let buffer = Fixtures.render(state)
        var starts: [Int] = []
        for row in 0..<buffer.height {
            guard let x = (0..<buffer.width).first(where: { buffer[$0, row].text == "b" && buffer[$0 + 1, row].text == "o" }),
                buffer[x + 4, row].text == "-"
            else { continue }
            starts.append(x)
        }
        #expect(starts.count == Self.names.count, "every file row shows its error")
        #expect(Set(starts).count == 1, "error column starts at \(starts)")
        let text = Fixtures.text(buffer)
        #expect(text.contains("報告書-2026-Q3.pdf"))
        #expect(text.contains("📄 scan-0001.pdf"))
    }
}
