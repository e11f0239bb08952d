import Foundation
import Testing

/// Guards the workaround for the Swift 6.3.1 release-build miscompile (`Tests/Regressions/README.md`): no source
/// builds a tuple, enum payload or argument list in which an `await` follows another element, e.g.
/// `(id, .success(try await call()))` or `.finished(id: id, await call())`. Await into a `let` first.
@Suite("Source patterns")
struct SourcePatternTests {
    /// An opening parenthesis, an element and a comma, then an `await` before the group closes (and not in a closure).
    static func matches(_ line: String) -> Bool {
        let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? line
        return code.contains(#/\([^()]*,[^;{)]*\bawait\b/#)
    }

    @Test("the check recognises the miscompiled shape and leaves the safe shapes alone")
    func recogniser() {
        #expect(Self.matches("return (id, .success(try await api.jobStatus(id: id)))"))
        #expect(Self.matches("group.addTask { (index, await operation(input)) }"))
        #expect(Self.matches("inbox.append(.cancelFinished(jobID: jobID, await poller.cancel(jobID: jobID)))"))
        #expect(Self.matches("send(a, try? await b())"))
        #expect(!Self.matches("let output = await operation(input)"))
        #expect(!Self.matches("return .success(try await api.listJobs(query))"))
        #expect(!Self.matches("return (index, output)"))
        #expect(!Self.matches("for (id, result) in await fetchStatuses(of: due) {"))
        #expect(!Self.matches("let pages = await boundedMap(queries, limit: limit) { query in await page(query) }"))
        #expect(!Self.matches("// (id, await x) in a comment"))
    }

    @Test("no source file builds a tuple or argument list around an await")
    func sources() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50)
        var offending: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where Self.matches(String(line)) {
                offending.append("\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(offending == [])
    }
}
