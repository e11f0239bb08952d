import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// The `?` overlay, generated from both key maps and shown side by side so that it fits an 80×24 terminal.
@Suite struct HelpOverlayTests {
    private static func render(width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode) -> Buffer {
        var state = Fixtures.state(width: width, height: height, glyphs: glyphs)
        Fixtures.press(.character("?"), on: &state)
        return Fixtures.render(state)
    }

    /// The rows of the box: from the line holding the top-left corner to the one holding the bottom-left corner.
    private static func box(_ buffer: Buffer, corners: (String, String) = ("┌", "└")) -> [String] {
        let lines = (0..<buffer.height).map { buffer.line($0) }
        guard let top = lines.firstIndex(where: { $0.contains(corners.0) }),
            let bottom = lines.lastIndex(where: { $0.contains(corners.1) }), top < bottom
        else { return [] }
        return Array(lines[top...bottom])
    }

    /// Every binding's label is on the overlay (↓/j, PgDn and G inside their pair's label), every help binding has
    /// its summary, both titles and the closing hint are there — at 80×24.
    @Test(arguments: [(80, 24), (120, 40), (60, 40)])
    func containsEveryBindingOfBothKeyMaps(width: Int, height: Int) throws {
        let rows = Self.box(Self.render(width: width, height: height))
        try #require(!rows.isEmpty, "no box drawn")
        let text = rows.joined(separator: "\n")
        for keyMap in [KeyMap.table, KeyMap.detail] {
            #expect(text.contains(keyMap.title), "\(keyMap.title)")
            for binding in keyMap.bindings {
                #expect(text.contains(binding.label), "\(keyMap.title): \(binding.label)")
            }
            for binding in keyMap.helpBindings {
                let row = binding.label.padding(toLength: 12, withPad: " ", startingAt: 0) + " " + binding.summary
                #expect(text.contains(row), "\(keyMap.title): \(row)")
            }
        }
        #expect(text.contains("any key      close this help"))
    }

    /// At 80 columns the two key maps stand side by side: the detail keys start on the same row as the table keys.
    @Test func sideBySideAt80Columns() throws {
        let rows = Self.box(Self.render())
        let titleRow = try #require(rows.first { $0.contains("Job table") })
        #expect(titleRow.contains("Job detail"))
        #expect(rows.count <= 22)
    }

    /// The table stays visible around the overlay, and the footer is untouched.
    @Test func theScreenAroundStays() {
        let buffer = Self.render(width: 120, height: 40)
        #expect(buffer.lines[3].hasPrefix(" bjb-run-0001 parse    ▶ running "))
        #expect(buffer.lines[39].hasPrefix(" ↑↓/jk move  Enter details  / filter  s sort"))
    }

    @Test func asciiLabelsInASCII() throws {
        let buffer = Self.render(glyphs: .ascii)
        let rows = Self.box(buffer, corners: ("+-", "+-"))
        try #require(!rows.isEmpty)
        #expect(rows.joined().contains("jk           move"))
        #expect((0..<buffer.height).allSatisfy { buffer.line($0).unicodeScalars.allSatisfy(\.isASCII) })
    }
}
