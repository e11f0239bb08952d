import Foundation
import Testing

@testable import LlamaCloud

/// A list page body in the mock server's shape (compact `JSONEncoder` output without escaped slashes), verbatim.
let mockCloudListPageBody = """
    {"items":[{"id":"bjb-9e3779b9-7f4a-4c15-a000-000000000000","job_type":"parse",\
    "project_id":"proj-5b1f0c2e-8a41-4d7e-9c3b-2f6a7d9e1c04","status":"running","total_items":200,\
    "processed_items":13,"failed_items":0,"skipped_items":0,"created_at":"2026-11-30T07:59:59.000Z",\
    "started_at":"2026-11-30T08:00:03.000Z","updated_at":"2026-11-30T09:00:00.000Z",\
    "effective_at":"2026-11-30T07:59:59.000Z","directory_id":"dir-0c6f3a1b-94d2-4b7e-a1c5-7e2d9f80b613"},\
    {"id":"bjb-3c6ef372-fe94-4f82-a000-000000000001","job_type":"extract",\
    "project_id":"proj-5b1f0c2e-8a41-4d7e-9c3b-2f6a7d9e1c04","status":"failed","total_items":237,\
    "processed_items":118,"failed_items":2,"skipped_items":0,"created_at":"2026-11-30T07:59:58.000Z",\
    "started_at":"2026-11-30T08:00:02.000Z","updated_at":"2026-11-30T08:03:59.000Z",\
    "completed_at":"2026-11-30T08:03:59.000Z","effective_at":"2026-11-30T07:59:58.000Z",\
    "directory_id":"dir-71e4b2c9-3d5a-4f08-b6e1-2a9c4d7f5e30",\
    "error_message":"Upstream model provider returned 503 (see https://status.example.com/incidents)"}],\
    "total_size":2}
    """

/// SplitMix64: a small seeded generator, so that every failing page can be reproduced from its seed.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Random list page bodies: every `BatchJob` key with every JSON type, unknown and duplicate keys, escapes, Unicode,
/// odd numbers and whitespace. `plain` pages use only what the fast path must handle itself.
private struct PageGenerator {
    var random: SeededGenerator
    /// Only input the fast path handles (no fraction/exponent/overflowing numbers in read fields, no unpaired
    /// surrogates, no malformed JSON, no invalid UTF-8).
    let plain: Bool

    static let jobKeys = [
        "id", "job_type", "project_id", "status", "total_items", "processed_items", "failed_items", "skipped_items",
        "created_at", "started_at", "updated_at", "completed_at", "effective_at", "directory_id", "error_message",
        "job_record_id", "workflow_id",
    ]
    static let unknownKeys = ["progress", "meta", "ID", "id ", "idx", "items", "status_v2", "é", "😀", "total_size"]
    static let whitespace = ["", "", "", " ", "\n", "\t", "\r\n  ", "  "]
    static let plainStrings = [
        #""""#, #""bjb-1""#, #""running""#, #""parse""#, #""42""#, #""-7""#, #""+3""#, #"" 5""#, #""1.5""#,
        #""99999999999999999999""#, #""2024-05-01T12:00:00.000Z""#, #""2024-05-01T12:00:00Z""#,
        #""2024-05-01 12:00:00.5+02:00""#, #""2024-05-01T12:00:00,25-0330""#, #""2024-13-01T12:00:00Z""#,
        #""2024-05-01T12:00""#, #""2024-05-01T12:00:00.Z""#, #""2024-05-01t23:59:60z""#, #""1714564800""#,
        #""a\nb""#, #""q\"uote""#, #""back\\slash""#, #""sl\/ash""#, #""caf\u00e9""#, #""\u00E9\u0000x""#,
        #""\ud83d\ude00 smile""#, #""\b\f\r\t""#, #""2024-05-01T12:00:00\u002e5Z""#, #""\u0034\u0032""#,
        #""café""#, #""😀""#, #""e\u0301""#, #""日本語""#, #""true""#, #""null""#,
    ]
    static let oddStrings = [#""\ud800""#, #""x\udc00""#, #""\ud83d\ud83d""#, #""\ud83dx""#]
    static let plainNumbers = [
        "0", "-0", "1", "-1", "42", "200", "9007199254740993", "9223372036854775807", "-9223372036854775808",
        "123456789",
    ]
    static let oddNumbers = [
        "1.0", "1.5", "-0.0", "1e3", "1E+3", "2.5e-1", "9.5e15", "1e16", "1e400", "-1e400", "4.9e-325",
        "12345678901234567.0", "9223372036854775808", "-9223372036854775809", "99999999999999999999999",
        "1.00000000000000000001", "10e-1", "0.1e1",
    ]
    static let malformed = ["01", "1.", "-", "+1", ".5", "1e", "NaN", "nul", "tru", "'x'", "[1,]", "{\"a\":1,}"]

    init(seed: UInt64, plain: Bool) {
        random = SeededGenerator(state: seed)
        self.plain = plain
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
    mutating func space() -> String { pick(Self.whitespace) }

    /// A key as written: mostly verbatim, sometimes with an escaped letter (which Foundation unescapes).
    mutating func keyText(_ key: String) -> String {
        if chance(5), let first = key.unicodeScalars.first, first.isASCII {
            let hex = String(first.value, radix: 16)
            return "\"\\u" + String(repeating: "0", count: 4 - hex.count) + hex + key.dropFirst() + "\""
        }
        return "\"" + key + "\""
    }

    /// Any value, for unknown keys (where even odd numbers and unpaired surrogates must be skipped correctly).
    mutating func anyValue(depth: Int) -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return pick(Self.plainStrings)
        case 1: return plain ? pick(Self.plainStrings) : pick(Self.oddStrings)
        case 2: return pick(Self.plainNumbers)
        case 3: return pick(Self.oddNumbers)
        case 4: return pick(["true", "false", "null"])
        case 5, 6:
            guard depth < 4 else { return "{}" }
            let count = Int.random(in: 0...3, using: &random)
            let members = (0..<count).map { _ in
                "\"" + pick(["a", "b", "id", "x y"]) + "\"" + space() + ":" + space() + anyValue(depth: depth + 1)
            }
            return "{" + space() + members.joined(separator: space() + "," + space()) + space() + "}"
        case 7, 8:
            guard depth < 4 else { return "[]" }
            let count = Int.random(in: 0...3, using: &random)
            let elements = (0..<count).map { _ in anyValue(depth: depth + 1) }
            return "[" + space() + elements.joined(separator: space() + "," + space()) + space() + "]"
        default: return "\"" + String(Int.random(in: 0..<1000, using: &random)) + "\""
        }
    }

    /// A value for a key the decoder reads.
    mutating func fieldValue() -> String {
        switch Int.random(in: 0..<12, using: &random) {
        case 0, 1, 2, 3: return pick(Self.plainStrings)
        case 4, 5: return pick(Self.plainNumbers)
        case 6: return plain ? pick(Self.plainNumbers) : pick(Self.oddNumbers)
        case 7: return plain ? pick(Self.plainStrings) : pick(Self.oddStrings)
        case 8: return pick(["true", "false"])
        case 9: return "null"
        default: return plain ? "[" + anyValue(depth: 3) + "]" : anyValue(depth: 2)  // a bare odd number is not plain
        }
    }

    /// One element of `items`: mostly a job object.
    mutating func item() -> String {
        guard chance(90) else {
            // Not a job object (an object here would be read as a job, with a bare odd number for its `id`).
            return plain ? pick(["null", "1", "\"x\"", "true", "[" + anyValue(depth: 3) + "]"]) : anyValue(depth: 2)
        }
        var members: [String] = []
        var keys = Self.jobKeys.filter { _ in chance(70) }
        if chance(85), !keys.contains("id") { keys.insert("id", at: 0) }
        for _ in 0..<Int.random(in: 0...2, using: &random) { keys.append(pick(Self.unknownKeys)) }
        for _ in 0..<(chance(20) ? Int.random(in: 1...3, using: &random) : 0) { keys.append(pick(Self.jobKeys)) }
        keys.shuffle(using: &random)
        for key in keys {
            let value = Self.jobKeys.contains(key) ? fieldValue() : anyValue(depth: 3)
            members.append(keyText(key) + space() + ":" + space() + value)
        }
        return "{" + space() + members.joined(separator: space() + "," + space()) + space() + "}"
    }

    /// One page body.
    mutating func page() -> [UInt8] {
        var members: [String] = []
        let count = Int.random(in: 0...6, using: &random)
        let items = (0..<count).map { _ in item() }
        members.append(keyText("items") + space() + ":" + space() + "[" + space()
            + items.joined(separator: space() + "," + space()) + space() + "]")
        if chance(70) {
            let total = chance(50) ? String(Int.random(in: 0...1000, using: &random)) : fieldValue()
            members.append(keyText("total_size") + ":" + space() + total)
        }
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            members.append("\"" + pick(["next", "cursor", "é"]) + "\":" + anyValue(depth: 1))
        }
        if chance(10) {
            // A second `items` or `total_size`: the first wins (a plain page's first `items` must be an array).
            let key = pick(["items", "total_size"])
            members.append(keyText(key) + ":" + (plain && key == "items" ? "[" + item() + "]" : fieldValue()))
        }
        if !plain, chance(5) { members.removeFirst() }  // no `items`
        members.shuffle(using: &random)
        var text = space() + "{" + space() + members.joined(separator: space() + "," + space()) + space() + "}"
            + space()
        if !plain {
            switch Int.random(in: 0..<40, using: &random) {
            case 0: text = "[" + text + "]"
            case 1: text += "x"
            case 2: text = String(text.dropLast(Int.random(in: 1...4, using: &random)))
            case 3: text = text.replacingOccurrences(of: ":", with: ":" + pick(Self.malformed) + ",\"z\":")
            case 4: text = text.replacingOccurrences(of: "}", with: ",}")
            case 5: text = #"{"items":"#
                + pick(["null", "{}", "3", "\"[]\""]) + "}"
            case 6: text = pick(["", "null", "[]", "\u{FEFF}{\"items\":[]}", "{\"items\":[]}\u{0C}"])
            default: break
            }
        }
        var bytes = Array(text.utf8)
        if !plain, chance(3), let quote = bytes.firstIndex(of: 0x22) {
            bytes.insert(pick([0xFF, 0xC0, 0xED]), at: quote + 1)  // invalid UTF-8 in a key
        }
        if !plain, chance(3), let quote = bytes.lastIndex(of: 0x22) {
            bytes.insert(pick([0xFF, 0x80, 0xE2]), at: quote)  // invalid UTF-8 at the end of some string
        }
        return bytes
    }
}

@Suite("Decoding job list pages byte by byte")
struct JobPageDecoderTests {
    /// What the client does, and what it did before the fast path: both answers, or nil for a thrown error.
    private func both(_ bytes: [UInt8]) -> (client: JobListPage?, foundation: JobListPage?) {
        let data = Data(bytes)
        return (
            try? HTTPBatchClient.decode(JobListPage.self, from: data),
            try? JSONDecoder().decode(JobListPage.self, from: data)
        )
    }

    private func page(_ json: String) throws -> JobListPage {
        let data = Data(json.utf8)
        let fast = try #require(JobPageDecoder.decodeFast(data), "the fast path declined: \(json)")
        let expected = try JSONDecoder().decode(JobListPage.self, from: data)
        #expect(fast == expected)
        return fast
    }

    /// A job with a mix of present and absent optionals, escapes and non-ASCII text.
    private func makeJob(_ index: Int, base: Date) -> BatchJob {
        let jobTypes = ["parse", "extract", "classify"]
        let statuses = ["running", "failed", "pending"]
        var job = BatchJob(
            id: "bjb-\(index)", jobType: jobTypes[index % 3], projectID: "proj-1", status: statuses[index % 3],
            totalItems: index * 1000 - 7)
        job.processedItems = index % 2 == 0 ? index : nil
        job.failedItems = index % 3 == 0 ? 0 : nil
        job.skippedItems = -index
        job.createdAt = base.addingTimeInterval(Double(index))
        job.startedAt = index % 4 == 0 ? nil : base.addingTimeInterval(Double(index) * 1.5)
        job.updatedAt = base
        job.completedAt = index % 3 == 1 ? base : nil
        job.effectiveAt = base
        job.directoryID = index % 5 == 0 ? nil : "dir-\(index)"
        job.errorMessage = index % 3 == 1 ? "failed: \"quota\" / limit\n\tcafé ☕️ \u{1F600} \\ \u{1}" : nil
        job.jobRecordID = index % 7 == 0 ? "rec-\(index)" : nil
        job.workflowID = index % 6 == 0 ? "wf/\(index)" : nil
        return job
    }

    @Test("random pages of every shape decode exactly as JSONDecoder decodes them", arguments: [false, true])
    func differential(plain: Bool) {
        var fastCount = 0
        var failures = 0
        for seed in UInt64(1)...4000 {
            var generator = PageGenerator(seed: seed &* 7919 &+ (plain ? 1 : 0), plain: plain)
            let bytes = generator.page()
            let (client, foundation) = both(bytes)
            let fast = JobPageDecoder.decodeFast(Data(bytes))
            if fast != nil { fastCount += 1 }
            if client != foundation || (fast != nil && fast != foundation) || (plain && fast == nil) {
                failures += 1
                if failures <= 5 {
                    Issue.record(
                        """
                        seed \(seed) plain \(plain): \(String(decoding: bytes, as: UTF8.self))
                        client     \(String(describing: client))
                        fast       \(String(describing: fast))
                        foundation \(String(describing: foundation))
                        """)
                }
            }
        }
        #expect(failures == 0)
        // Plain pages all take the fast path; the others, some (the rest is what falls back).
        #expect(fastCount >= (plain ? 4000 : 500))
    }

    @Test("pages JSONEncoder writes from BatchJob values take the fast path, in every output format")
    func encodedPagesAreFast() throws {
        let base = Date(timeIntervalSince1970: 1_714_564_800.123)
        let jobs = (0..<50).map { index in makeJob(index, base: base) }
        let formats: [JSONEncoder.OutputFormatting] = [
            [], [.withoutEscapingSlashes], [.prettyPrinted], [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes],
        ]
        for format in formats {
            let encoder = JSONEncoder()
            encoder.outputFormatting = format
            let page = JobListPage(items: jobs, totalSize: 12_345)
            let data = try encoder.encode(page)
            let expected = try JSONDecoder().decode(JobListPage.self, from: data)
            let fast = try #require(JobPageDecoder.decodeFast(data))
            #expect(fast == expected)
            #expect(fast.items.count == 50)
            #expect(fast.totalSize == 12_345)
            #expect(fast.undecodableCount == 0)
        }
    }

    @Test("the mock server's page shape takes the fast path")
    func mockCloudPage() throws {
        let page = try page(mockCloudListPageBody)
        #expect(page.items.count == 2)
        #expect(page.totalSize == 2)
        #expect(page.items[1].errorMessage == "Upstream model provider returned 503 (see https://status.example.com/incidents)")
        #expect(page.items[1].completedAt == ISO8601Timestamp.parse("2026-11-30T08:03:59.000Z"))
        #expect(page.items[0].completedAt == nil)
    }

    @Test("IDs of the API's form are packed without a string; a project or directory ID sent again is the same string")
    func idsPackedAndRepeatsShared() throws {
        let page = try page(mockCloudListPageBody)
        for job in page.items {
            guard case .packed = job.jobID.storage else {
                Issue.record("\(job.id) was kept as text")
                continue
            }
        }
        #expect(page.items.map(\.id) == ["bjb-9e3779b9-7f4a-4c15-a000-000000000000", "bjb-3c6ef372-fe94-4f82-a000-000000000001"])
        // Both jobs send one project: the second gets the first one's string, not a copy of its own.
        func address(_ text: String) -> UnsafeRawPointer? {
            var text = text
            return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        #expect(address(page.items[0].projectID) == address(page.items[1].projectID))
        #expect(page.items[0].directoryID != page.items[1].directoryID)
        // Jobs of a few directories, interleaved: each directory's jobs share its string.
        let directories = (0..<3).map { "dir-0c6f3a1b-94d2-4b7e-a1c5-7e2d9f80b61\($0)" }
        let jobs = (0..<9).map { #"{"id":"j\#($0)","directory_id":"\#(directories[$0 % 3])"}"# }
        let interleaved = try self.page(#"{"items":["# + jobs.joined(separator: ",") + "]}")
        for index in 3..<9 {
            let (job, first) = (interleaved.items[index], interleaved.items[index % 3])
            #expect(job.directoryID == directories[index % 3])
            #expect(address(job.directoryID ?? "") == address(first.directoryID ?? ""), "job \(index)")
        }
        // An escaped ID reads as the same ID, packed too; an ID that is a number or of another form stays text.
        let other = try self.page(
            #"{"items":[{"id":"bjb-9e3779b9\u002d7f4a-4c15-a000-000000000000"},{"id":42},{"id":"BJB-9E3779B9-7F4A-4C15-A000-000000000000"}]}"#)
        #expect(other.items.map(\.jobID) == [page.items[0].jobID, JobID("42"), JobID("BJB-9E3779B9-7F4A-4C15-A000-000000000000")])
        if case .text = other.items[2].jobID.storage {} else { Issue.record("an uppercase ID was packed") }
        // Record and workflow IDs of that form are packed too, and read back as sent.
        let record = "rec-9e3779b9-7f4a-4c15-a000-000000000000"
        let withRecord = try self.page(
            #"{"items":[{"id":"a","job_record_id":"\#(record)","workflow_id":"wf-1"},{"id":"b","job_record_id":null}]}"#)
        #expect(withRecord.items.map(\.jobRecordID) == [record, nil])
        #expect(withRecord.items.map(\.workflowID) == ["wf-1", nil])
        if case .packed = withRecord.items[0].storedJobRecordID?.storage {} else { Issue.record("the record ID was kept as text") }
    }

    @Test("the first of duplicate keys wins, even when it is null")
    func duplicateKeys() throws {
        let page = try page(
            #"{"items":[{"id":"a","id":"b","status":null,"status":"running","total_items":3,"total_items":4}],"#
                + #""total_size":null,"total_size":9,"items":[]}"#)
        #expect(page.items.map(\.id) == ["a"])
        #expect(page.items[0].status == "unknown")
        #expect(page.items[0].totalItems == 3)
        #expect(page.totalSize == 1)
    }

    @Test("string escapes and Unicode, in values and keys")
    func escapes() throws {
        let page = try page(
            #"{"items":[{"\u0069d":"a\nb\"c\\d\/e\u00e9\ud83d\ude00\u0000","status":"caf\u00E9 ☕️","#
                + #""error_message":"\b\f\r\t","job_type":"e\u0301"}]}"#)
        let job = try #require(page.items.first)
        #expect(job.id == "a\nb\"c\\d/e\u{E9}\u{1F600}\u{0}")
        #expect(job.status == "caf\u{E9} ☕️")
        #expect(job.errorMessage == "\u{8}\u{C}\r\t")
        #expect(job.jobType == "e\u{301}")
    }

    @Test("unpaired surrogates, bad escapes and invalid UTF-8 fall back to JSONDecoder with the same answer")
    func unusualStringsFallBack() {
        let cases: [[UInt8]] = [
            Array(#"{"items":[{"id":"a\ud800"},{"id":"b","status":"\udc00"}]}"#.utf8),
            Array(#"{"items":[{"id":"a","\ud800":1}]}"#.utf8),
            Array(#"{"items":[{"id":"a","x":"\q"}]}"#.utf8),
            Array(#"{"items":[{"id":"a"#.utf8) + [0xFF] + Array(#""}]}"#.utf8),
            Array(#"{"items":[{"id":"a","x":""#.utf8) + [0xC0, 0xAF] + Array(#""}]}"#.utf8),
            Array(#"{"items":[{"id":"a","#.utf8) + [0x22, 0xED, 0xA0, 0x80, 0x22] + Array(#":1}]}"#.utf8),
            Array("{\"items\":[{\"id\":\"a\tb\"}]}".utf8),
        ]
        for bytes in cases {
            #expect(JobPageDecoder.decodeFast(Data(bytes)) == nil)
            let (client, foundation) = both(bytes)
            #expect(client == foundation)
        }
    }

    @Test("integers, -0, and numbers that are not plain integers")
    func numbers() throws {
        let page = try page(
            #"{"items":[{"id":-0,"total_items":-0,"processed_items":"12","failed_items":"1.5","#
                + #""skipped_items":true,"status":9223372036854775807,"job_type":false,"project_id":{"a":1},"#
                + #""created_at":1714564800,"directory_id":[1]}],"total_size":"7"}"#)
        let job = try #require(page.items.first)
        #expect(job.id == "0")
        #expect(job.totalItems == 0)
        #expect(job.processedItems == 12)
        #expect(job.failedItems == nil)
        #expect(job.skippedItems == nil)
        #expect(job.status == "9223372036854775807")
        #expect(job.jobType == "false")
        #expect(job.projectID == "")
        #expect(job.createdAt == nil)
        #expect(job.directoryID == nil)
        #expect(page.totalSize == 7)
        // Fractions, exponents and overflowing integers in read fields are Foundation's to judge.
        for number in ["1.0", "1.5", "1e3", "-0.0", "9.5e15", "1e400", "9223372036854775808", "12345678901234567.0"] {
            for key in ["id", "total_items", "status"] {
                let bytes = Array(#"{"items":[{"id":"x","\#(key)":\#(number)}],"total_size":1}"#.utf8)
                let (client, foundation) = both(bytes)
                #expect(client == foundation, "\(key): \(number)")
            }
            // …while in an unknown field or a date they are skipped on the fast path.
            _ = try self.page(#"{"items":[{"id":"x","progress":\#(number),"created_at":\#(number)}],"n":\#(number)}"#)
        }
    }

    @Test("items that are not jobs are counted, and total_size defaults to items plus failures")
    func undecodableItems() throws {
        let page = try page(
            #"{"items":[null,1,"x",[],{},{"id":null},{"id":{}},{"status":"running"},{"id":"ok"},true]}"#)
        #expect(page.items.map(\.id) == ["ok"])
        #expect(page.undecodableCount == 9)
        #expect(page.totalSize == 10)
    }

    @Test("whitespace anywhere, nested unknown values, and unknown keys are skipped")
    func whitespaceAndNesting() throws {
        let page = try page(
            " \r\n\t{ \"meta\" : { \"a\" : [ 1 , { \"b\" : [ [ ] , { } , null ] } ] , \"id\" : \"no\" } ,\n"
                + " \"items\" : [ { \"x\" : [ { \"id\" : \"inner\" } ] , \"id\" : \"outer\" } ] } \n")
        #expect(page.items.map(\.id) == ["outer"])
    }

    @Test("anything but a page with an items array throws exactly when JSONDecoder throws")
    func pageLevelFailures() {
        let cases = [
            "", " ", "null", "[]", "{}", #"{"items":null}"#, #"{"items":{}}"#, #"{"items":"[]"}"#,
            #"{"total_size":3}"#, #"{"items":[]} x"#, #"{"items":[],}"#, #"{"items":[1,]}"#, #"{"items":[]"#,
            "\u{FEFF}{\"items\":[]}", #"{"items":[{"id":"a","n":01}]}"#, #"{"items":[]}"# + "\u{0C}",
            #"{"items":[{"id":"a","n":1.}]}"#, #"{"items":[],"items":7}"#, #"{"items":7,"items":[]}"#,
        ]
        for json in cases {
            let (client, foundation) = both(Array(json.utf8))
            #expect(client == foundation, "\(json)")
        }
        let deep = #"{"items":[],"x":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        let (client, foundation) = both(Array(deep.utf8))
        #expect(client == nil && foundation == nil)
    }

    @Test("date fields read from the page bytes equal what JSONDecoder reads, on the fast path")
    func timestamps() {
        var random = SeededGenerator(state: 42)
        let pieces = [
            "2024", "-", "05", "01", "T", "t", " ", "12", ":", "00", "59", "60", "61", "13", "00", "31", "32", ".",
            ",", "5", "123456789", "Z", "z", "+", "-", "02", "30", "x", "",
        ]
        var samples = [
            "2024-05-01T12:00:00Z", "2024-05-01T12:00:00.123Z", "2024-05-01 12:00:00,5+02:30", "1969-12-31T23:59:59.999-0100",
            "0000-01-01T00:00:00", "9999-12-31T23:59:60.999999999999z", "2024-02-30T00:00:00+05", "2024-05-01T12:00:00.",
        ]
        for _ in 0..<20_000 {
            samples.append((0..<Int.random(in: 1...14, using: &random)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }.joined())
            samples.append(
                "2024-05-01T12:00:00" + (0..<Int.random(in: 0...4, using: &random)).map { _ in
                    pieces[Int.random(in: 0..<pieces.count, using: &random)]
                }.joined())
        }
        // Each sample as the created_at and completed_at of a job, 100 jobs a page: the decoder hands the token's
        // bytes to `ISO8601Timestamp.parse(bytes:)`; the answer must be the one `JSONDecoder` gives via the String.
        for start in stride(from: 0, to: samples.count, by: 100) {
            let items = samples[start..<min(samples.count, start + 100)].enumerated().map { offset, sample in
                #"{"id":"bjb-\#(start + offset)","created_at":"\#(sample)","completed_at":"\#(sample)"}"#
            }
            let data = Data(#"{"items":[\#(items.joined(separator: ","))],"total_size":1}"#.utf8)
            let fast = JobPageDecoder.decodeFast(data)
            let expected = try? JSONDecoder().decode(JobListPage.self, from: data)
            #expect(fast != nil, "plain ASCII dates take the fast path")
            #expect(fast == expected, "samples \(start)…")
            #expect(fast?.items.map(\.createdAt) == samples[start..<min(samples.count, start + 100)].map(ISO8601Timestamp.parse))
            if fast != expected { return }
        }
    }
}
