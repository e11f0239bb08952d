import Foundation
import TerminalUI
import Testing
import ThemeLoader

/// The TOML parser behind themes and the config file: valid documents and the nodes they give, invalid ones and
/// where their error is reported, and the limits that keep odd input from crashing it.
@Suite("TOML parser")
struct TOMLParserTests {
    @Test("valid documents parse to their nodes", arguments: Self.validCases)
    func valid(_ testCase: ValidCase) throws {
        let nodes = try TOMLDocument.parse(testCase.text)
        #expect(nodes == testCase.expected)
    }

    @Test("invalid documents are refused at their line and column", arguments: Self.invalidCases)
    func invalid(_ testCase: InvalidCase) {
        let error = #expect(throws: TOMLDocument.SyntaxError.self) { try TOMLDocument.parse(testCase.text) }
        #expect(error?.line == testCase.line, "\(String(describing: error))")
        #expect(error?.column == testCase.column, "\(String(describing: error))")
        #expect(error?.message.contains(testCase.mentions) == true, "\(String(describing: error?.message))")
    }

    @Test("nan, +nan and -nan are floats that are not numbers")
    func notANumber() throws {
        let nodes = try TOMLDocument.parse("a = nan\nb = +nan\nc = -nan\n")
        for key in ["a", "b", "c"] {
            guard case .float(let value)? = nodes[key] else {
                Issue.record("\(key): \(String(describing: nodes[key]))")
                continue
            }
            #expect(value.isNaN)
        }
    }

    @Test("monochrome.toml gives exactly the nodes written in it")
    func monochromeNodes() throws {
        let nodes = try TOMLDocument.parse(try #require(BuiltinThemes.texts["monochrome"]))
        func attrs(_ names: String...) -> TOMLNode { .table(["attrs": .array(names.map(TOMLNode.string))]) }
        let empty = TOMLNode.table([:])
        let styles: [String: TOMLNode] = [
            "text": .table(["fg": .string("default"), "bg": .string("default")]),
            "text.dim": attrs("dim"), "title": attrs("reverse", "bold"), "table.header": attrs("bold", "underline"),
            "table.selected": attrs("reverse"), "border": empty, "alert": attrs("bold"), "footer.key": attrs("bold"),
            "gauge.fill": empty, "gauge.empty": attrs("dim"), "status.pending": empty, "status.running": attrs("bold"),
            "status.dispatched": attrs("bold"), "status.throttled": attrs("dim", "underline"), "status.completed": empty,
            "status.failed": attrs("bold", "underline"), "status.cancelled": attrs("dim"), "status.unknown": attrs("underline"),
        ]
        #expect(nodes == ["palette": .table([:]), "styles": .table(styles)])
    }

    @Test("every shipped theme parses to a palette of colours and a style table for every role",
        arguments: BuiltinThemes.names)
    func shippedThemeShape(name: String) throws {
        let nodes = try TOMLDocument.parse(try #require(BuiltinThemes.texts[name]))
        #expect(Set(nodes.keys).isSubset(of: ["name", "description", "palette", "styles"]))
        guard case .table(let palette)? = nodes["palette"], case .table(let styles)? = nodes["styles"] else {
            Issue.record("\(name): no [palette] or [styles] table")
            return
        }
        for (entry, value) in palette {
            guard case .string(let color) = value else {
                Issue.record("\(name): palette entry \(entry) is \(value.kindDescription)")
                continue
            }
            #expect(color.hasPrefix("#") && color.count == 7, "\(name): \(entry) = \(color)")
        }
        #expect(Set(styles.keys) == Set(ThemeRole.allCases.map(\.key)))
        for (role, value) in styles {
            guard case .table(let fields) = value else {
                Issue.record("\(name): \(role) is \(value.kindDescription)")
                continue
            }
            #expect(Set(fields.keys).isSubset(of: ["fg", "bg", "attrs"]), "\(name): \(role)")
        }
    }

    @Test("nesting deeper than 128 levels is an error, not a crash")
    func depthLimit() {
        let count = 10_000
        let documents = [
            "a = " + String(repeating: "[", count: count) + String(repeating: "]", count: count),
            "a = " + String(repeating: "{ b = ", count: count) + "1" + String(repeating: " }", count: count),
            "[" + Array(repeating: "a", count: count).joined(separator: ".") + "]",
            Array(repeating: "a", count: count).joined(separator: ".") + " = 1",
            "[[" + Array(repeating: "a", count: 100).joined(separator: ".") + "]]\n"
                + Array(repeating: "b", count: 100).joined(separator: ".") + " = 1",
        ]
        for document in documents {
            let error = #expect(throws: TOMLDocument.SyntaxError.self) { try TOMLDocument.parse(document) }
            #expect(error?.message.contains("nested too deeply") == true, "\(String(describing: error?.message))")
        }
        let deepest = "a = " + String(repeating: "[", count: 127) + String(repeating: "]", count: 127)
        #expect(throws: Never.self) { try TOMLDocument.parse(deepest) }
    }

    @Test("a NUL in a theme is reported as not TOML, with its line")
    func nulInTheme() {
        let result = ThemeParser.parse("[styles]\n\"title\" = \"red\"\u{0}\n", name: "x", fileName: "x.toml")
        #expect(result.diagnostics.map(\.line) == [2])
        #expect(result.diagnostics.first?.message.hasPrefix("not valid TOML: ") == true)
        #expect(result.diagnostics.first?.message.contains("U+0000") == true)
    }

    @Test("a theme file that is not UTF-8 is refused with a message, not parsed")
    func notUTF8() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("batchtop-\(UUID().uuidString).toml").path
        try Data([0x22, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x22, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0xFE, 0x22, 0x0A]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = ThemeCatalog(userDirectory: nil).loadFile(path, shownAs: "bad.toml")
        #expect(result.diagnostics.map(\.description) == ["bad.toml: cannot read the theme file (not readable UTF-8 text); using the default theme"])
        #expect(result.theme == Theme.defaultDark)
    }
}
