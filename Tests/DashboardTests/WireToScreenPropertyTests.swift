import Dashboard
import Foundation
import JobMonitor
import LlamaCloud
import TerminalUI
import Testing

/// Property test: random jobs and files with extreme numbers and hostile strings go the whole way from JSON through
/// decoding, snapshot, reducer (random keys, the detail view with its files) and rendering, at a tiny, a usual and a
/// huge terminal size. Every run must leave a full buffer with no control character, no bidi control and no cell
/// wider than its place. The generator is seeded: a failure names its seed and reproduces.
@Suite("From wire to screen, any value renders (property test)")
struct WireToScreenPropertyTests {
    static let sizes = [(20, 6), (80, 24), (300, 100)]
    static let seeds: [UInt64] = Array(1...60)

    /// Async, yielding after each rendered frame, and `check` skips printable-ASCII cells: as synchronous tests
    /// costing 51 s of CPU in a debug build, the 60 cases held both of the machine's concurrency threads for the first
    /// 25–57 s of a full `swift test` while every other test (some waiting on a loopback server with a deadline)
    /// waited behind them. Now 12 s of CPU, and other tests' work runs between frames.
    @Test("random hostile payloads never trap and never put a control on screen", arguments: seeds)
    func anyPayloadRenders(seed: UInt64) async throws {
        var random = SeededRandom(seed: seed)
        let listJSON = HostileWire.jobListJSON(count: random.int(in: 0...40), random: &random)
        let page = try JSONDecoder().decode(JobListPage.self, from: Data(listJSON.utf8))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let jobs = page.items.map { wire in
            var tracked = TrackedJob(job: Job(wire: wire, progressPercentage: random.percentage()), fetchedAt: now)
            tracked.highestProcessed = random.bool() ? random.extremeInt() : nil
            tracked.isVanished = random.int(in: 0...9) == 0
            return tracked
        }
        let itemsJSON = HostileWire.itemListJSON(count: random.int(in: 0...60), random: &random)
        let files = try JSONDecoder().decode(Page<JobItem>.self, from: Data(itemsJSON.utf8)).items.map(FileItem.init(wire:))
        let health = APIHealth(
            lastSuccess: now, lastError: random.bool() ? random.hostileString() : nil, lastErrorAt: now,
            consecutiveFailures: random.int(in: 0...3))

        for (width, height) in Self.sizes {
            var state = AppState(
                size: TerminalSize(width: width, height: height), now: now, interval: 2, source: random.hostileString(),
                glyphs: random.bool() ? .unicode : .ascii)
            _ = Reducer.reduce(&state, .snapshot(Snapshot(jobs: jobs, health: health, takenAt: now, interval: 2, cycle: 1)))
            for _ in 0..<random.int(in: 0...12) {
                let effects = Reducer.reduce(&state, .key(random.key()))
                for case .loadItems(let request) in effects {
                    let answer = FileItemPage(items: files, totalSize: random.extremeInt(), offset: request.offset)
                    _ = Reducer.reduce(&state, .itemsLoaded(request, .success(answer)))
                }
                try check(render(state), seed: seed, size: (width, height))
                await Task.yield()
            }
            try check(render(state), seed: seed, size: (width, height))
            await Task.yield()
        }
    }

    private func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.size.width, height: state.size.height)
        DashboardView.render(state, theme: .defaultDark, secondsFromGMT: 0, into: &buffer)
        return buffer
    }

    /// The invariants of a rendered frame.
    private func check(_ buffer: Buffer, seed: UInt64, size: (Int, Int)) throws {
        let context = "seed \(seed) at \(size.0)x\(size.1)"
        #expect(buffer.width == size.0 && buffer.height == size.1, "\(context)")
        #expect(buffer.cells.count == size.0 * size.1, "\(context): cells outside the buffer")
        for row in 0..<buffer.height {
            var columns = 0
            for column in 0..<buffer.width {
                let text = buffer[column, row].text
                // Printable ASCII (most cells) is one column, no control: nothing to check. Checking it the long way
                // (every `#require` builds its message) was 80 % of this suite's time.
                if text.utf8.count == 1, let byte = text.utf8.first, (0x20..<0x7F).contains(byte) {
                    columns += 1
                    continue
                }
                let bad = text.unicodeScalars.first { scalar in
                    scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || HostileWire.bidiControls.contains(scalar.value)
                }
                try #require(bad == nil, "\(context): control U+\(String(bad?.value ?? 0, radix: 16)) at \(column),\(row)")
                if text.isEmpty {
                    // A continuation cell: the cell before it must be a wide character.
                    let previous = column > 0 ? buffer[column - 1, row].text : ""
                    try #require(
                        !previous.isEmpty && CharacterWidth.of(previous) == 2, "\(context): stray continuation at \(column),\(row)")
                } else {
                    let width = CharacterWidth.of(text)
                    try #require(width <= 2, "\(context): \(width)-column cell at \(column),\(row)")
                    if width == 2 {
                        try #require(column + 1 < buffer.width, "\(context): wide cell cut at the edge")
                        try #require(
                            buffer[column + 1, row].text.isEmpty,
                            "\(context): wide '\(text)' at \(column),\(row) overwritten by '\(buffer[column + 1, row].text)': \(buffer.line(row))")
                    }
                    columns += width
                }
            }
            try #require(columns <= buffer.width, "\(context): row \(row) is \(columns) columns wide")
        }
    }
}

/// A small deterministic generator (SplitMix64) with the value shapes the property test draws from.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    mutating func bool() -> Bool { next() & 1 == 1 }

    mutating func pick<T>(_ values: [T]) -> T { values[int(in: 0...(values.count - 1))] }

    /// Zero, small, negative, huge and boundary integers.
    mutating func extremeInt() -> Int {
        pick([0, 1, -1, 7, 100, 1_000_000, Int.max, Int.min, Int.max - 1, Int.min + 1, 1 << 53, -(1 << 53)])
            &+ (bool() ? 0 : int(in: -3...3))
    }

    /// A percentage, often outside 0…100 or not finite; nil about a third of the time.
    mutating func percentage() -> Double? {
        pick([nil, 0, 42.5, 100, 140, -3, 1e308, -1e308, .infinity, .nan, 99.999, nil])
    }

    /// A string that mixes text, escape sequences, controls, bidi controls, wide and combining characters, emoji.
    mutating func hostileString() -> String {
        let parts = [
            "report.pdf", "\u{1B}[5m", "\u{1B}]0;title\u{07}", "\u{1B}]52;c;cGF5bG9hZA==\u{1B}\\", "\u{9B}2J", "\u{90}q\u{9C}",
            "\u{00}", "\u{7F}", "\u{85}", "\u{202E}", "\u{2066}", "\u{200F}", "報告書", "é", "e\u{301}\u{301}\u{301}",
            "👩‍👩‍👧", "🇫🇷", "\u{FE0F}", "\u{200B}", "\t", "\r\n", "\u{2028}", "\\u0000", "\"", String(repeating: "x", count: 500),
            String(repeating: "界", count: 200), " ", "",
        ]
        return (0..<int(in: 0...6)).map { _ in pick(parts) }.joined()
    }

    /// A key a user could press, including ones that open and close views.
    mutating func key() -> Key {
        pick([
            .down, .up, .pageDown, .pageUp, .home, .end, .enter, .escape, .tab, .left, .right, .backspace,
            .character("j"), .character("k"), .character("g"), .character("G"), .character("s"), .character("S"),
            .character("f"), .character("/"), .character("x"), .character("?"), .character("c"), .character("n"),
            .wheel(1), .wheel(-1), .click(x: int(in: -5...400), y: int(in: -5...120)),
        ])
    }
}

/// Builds list payloads in the API's wire shape with values drawn from `SeededRandom`.
enum HostileWire {
    /// The bidirectional formatting characters no cell may hold.
    static let bidiControls: Set<UInt32> = [
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
    ]

    static func jobListJSON(count: Int, random: inout SeededRandom) -> String {
        let jobs = (0..<count).map { index in
            var fields = [
                "\"id\": \(quoted("bjb-\(index)-" + random.hostileString()))",
                "\"job_type\": \(quoted(random.pick(["parse", "extract", "classify", random.hostileString()])))",
                "\"project_id\": \(quoted(random.hostileString()))",
                "\"status\": \(quoted(random.pick(["pending", "running", "dispatched", "completed", "failed", "cancelled", random.hostileString()])))",
                "\"total_items\": \(random.extremeInt())",
            ]
            for name in ["processed_items", "failed_items", "skipped_items"] where random.int(in: 0...4) > 0 {
                fields.append("\"\(name)\": \(random.pick(["\(random.extremeInt())", "null", "1.5e300", "\"12\"", "-0.0"]))")
            }
            for name in ["created_at", "started_at", "updated_at", "completed_at"] where random.bool() {
                let date = random.pick([
                    "2026-12-02T10:00:00Z", "2026-12-02T10:00:00.123456+05:30", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                    "not a date", "", "2026-13-45T99:99:99Z",
                ])
                fields.append("\"\(name)\": \(quoted(date))")
            }
            for name in ["error_message", "directory_id", "job_record_id", "workflow_id"] where random.bool() {
                fields.append("\"\(name)\": \(quoted(random.hostileString()))")
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        return "{\"items\": [" + jobs.joined(separator: ", ") + "], \"total_size\": \(random.extremeInt())}"
    }

    static func itemListJSON(count: Int, random: inout SeededRandom) -> String {
        let items = (0..<count).map { index in
            var fields = [
                "\"item_id\": \(quoted("it-\(index)" + random.hostileString()))",
                "\"item_name\": \(quoted(random.hostileString()))",
                "\"status\": \(quoted(random.pick(["failed", "completed", "skipped", "pending", random.hostileString()])))",
            ]
            for name in ["error_message", "skip_reason"] where random.bool() {
                fields.append("\"\(name)\": \(quoted(random.hostileString()))")
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        return "{\"items\": [" + items.joined(separator: ", ") + "], \"total_size\": \(random.extremeInt())}"
    }

    /// The string as a JSON string literal (every non-ASCII and control character escaped).
    static func quoted(_ text: String) -> String {
        var output = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x20..<0x7F: output += String(UnicodeScalar(UInt8(unit)))
            default: output += String(format: "\\u%04x", unit)
            }
        }
        return output + "\""
    }
}
