import FoundationEssentials

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes list pages of batch jobs (`JobListPage`) straight from the response bytes, with the same results as
/// `JSONDecoder().decode(JobListPage.self, from:)` for every input: the common shape (plain strings, integers,
/// ISO 8601 dates, nulls, unknown keys) is read here, anything unusual goes to `JSONDecoder` whole.
///
/// The rules mirrored are those of `Page.init(from:)`, `BatchJob.init(from:)` and `LenientDecoding.swift` over
/// Foundation's decoder: the first of duplicate keys wins, an item that is not an object or has no usable `id` is
/// counted as undecodable, `decodeIfPresent(Int.self)` takes integer literals within `Int`'s range. Numbers with a
/// fraction or exponent in a field that is read, unpaired `\u` surrogates in a string that is read, escaped or
/// non-ASCII keys that cannot be matched simply, malformed JSON and nesting deeper than 64 are left to Foundation.
public enum JobPageDecoder {
    /// Decodes a list page: the fast path, or `JSONDecoder` (its result or its error) when the fast path declines.
    public static func decode(_ data: Data) throws -> JobListPage {
        if let page = decodeFast(data) { return page }
        return try JSONDecoder().decode(JobListPage.self, from: data)
    }

    /// The fast path alone: the page, or nil when the input is outside what it handles (never a different answer).
    public static func decodeFast(_ data: Data) -> JobListPage? {
        data.withUnsafeBytes { raw -> JobListPage? in
            var reader = Reader(scanner: JSONByteScanner(raw))
            return try? reader.page()
        }
    }

    /// Number of `BatchJob` coding keys, in the order of `fieldIndex`.
    private static let fieldCount = 17

    /// Field slots by key text, for keys that are escaped or non-ASCII (matched as `String`s, as Foundation does).
    private static let fieldsByName: [String: Int] = [
        "id": 0, "job_type": 1, "project_id": 2, "status": 3, "total_items": 4, "processed_items": 5,
        "failed_items": 6, "skipped_items": 7, "created_at": 8, "started_at": 9, "updated_at": 10,
        "completed_at": 11, "effective_at": 12, "directory_id": 13, "error_message": 14, "job_record_id": 15,
        "workflow_id": 16,
    ]

    /// The first value seen for one key of an object, as far as the lenient rules need to know it.
    private enum Field {
        /// Key not present.
        case absent
        /// `null`, an object or an array: nil for every lenient rule.
        case empty
        /// A string.
        case string(JSONByteScanner.StringToken)
        /// An integer literal within `Int`'s range.
        case integer(Int)
        /// Any other number (its treatment by `decodeIfPresent(Int.self)` is left to Foundation).
        case otherNumber
        /// `true` or `false`.
        case bool(Bool)
    }

    /// The last few strings of one field, to hand out again for the same bytes (equal bytes make equal strings,
    /// so the page reads the same; it only allocates less).
    struct RecentStrings {
        /// How many are kept.
        static let capacity = 4
        /// The strings, up to `capacity`.
        private var strings: [String] = []
        /// The entry the next string replaces once full.
        private var next = 0

        /// A kept string whose UTF-8 is exactly `bytes`, if any.
        mutating func string(equalTo bytes: UnsafeRawBufferPointer) -> String? {
            guard let base = bytes.baseAddress else { return nil }
            for index in strings.indices where strings[index].utf8.count == bytes.count {
                if strings[index].withUTF8({ $0.baseAddress.map { memcmp($0, base, bytes.count) == 0 } ?? false }) {
                    return strings[index]
                }
            }
            return nil
        }

        /// Keeps `string`, in place of the oldest once full.
        mutating func remember(_ string: String) {
            if strings.count < Self.capacity {
                strings.append(string)
            } else {
                strings[next] = string
                next = (next + 1) % Self.capacity
            }
        }
    }

    /// One pass over one document.
    private struct Reader {
        /// The byte cursor.
        var scanner: JSONByteScanner
        /// The fields of the job being read, reused from job to job.
        var fields = [Field](repeating: .absent, count: JobPageDecoder.fieldCount)

        /// Reads the whole document as a page; throws when it is anything but the plain shape.
        mutating func page() throws(JSONByteScanner.Unsupported) -> JobListPage {
            try scanner.expect(0x7B)
            var items: [BatchJob] = []
            var failures = 0
            var sawItems = false
            var totalSize = Field.absent
            if scanner.peekAfterWhitespace() == 0x7D {
                throw JSONByteScanner.Unsupported()  // no `items`: Foundation's error
            }
            while true {
                guard scanner.peekAfterWhitespace() == 0x22 else { throw JSONByteScanner.Unsupported() }
                let key = try scanner.scanString()
                try scanner.expect(0x3A)
                switch try pageKey(key) {
                case 1 where !sawItems:
                    sawItems = true
                    try readItems(into: &items, failures: &failures)
                case 2 where isAbsent(totalSize):
                    totalSize = try readField()
                default:
                    try scanner.skipValue(depth: 1)
                }
                let next = scanner.peekAfterWhitespace()
                scanner.index += 1
                if next == 0x7D { break }
                guard next == 0x2C else { throw JSONByteScanner.Unsupported() }
            }
            _ = scanner.peekAfterWhitespace()
            guard scanner.isAtEnd, sawItems else { throw JSONByteScanner.Unsupported() }
            let total = try lenientInt(totalSize) ?? (items.count + failures)
            return JobListPage(items: items, totalSize: total, undecodableCount: failures)
        }

        /// 1 for `items`, 2 for `total_size`, 0 for any other key of the page object.
        private func pageKey(_ key: JSONByteScanner.StringToken) throws(JSONByteScanner.Unsupported) -> Int {
            if key.hasEscape || key.hasNonASCII {
                let text = try scanner.makeString(key)
                return text == "items" ? 1 : text == "total_size" ? 2 : 0
            }
            if scanner.tokenEquals(key, "items") { return 1 }
            if scanner.tokenEquals(key, "total_size") { return 2 }
            return 0
        }

        /// Reads the `items` array: each object that decodes as a job is appended, anything else counted.
        private mutating func readItems(
            into items: inout [BatchJob], failures: inout Int
        ) throws(JSONByteScanner.Unsupported) {
            // The project and directory IDs made into strings lately, handed out again for the same bytes: the jobs of
            // a page share a project and come from a few directories, and each ~40-character ID was a 96-byte
            // allocation per job. Kept here, not in the reader: a reader holding them was copied whole for each field
            // of each job (the `mutating` calls below made the reader's other calls copy it first).
            var recent = (projects: RecentStrings(), directories: RecentStrings())
            guard scanner.peekAfterWhitespace() == 0x5B else { throw JSONByteScanner.Unsupported() }
            scanner.index += 1
            if scanner.peekAfterWhitespace() == 0x5D {
                scanner.index += 1
                return
            }
            while true {
                if scanner.peekAfterWhitespace() == 0x7B {
                    if let job = try readJob(recent: &recent) { items.append(job) } else { failures += 1 }
                } else {
                    try scanner.skipValue(depth: 2)
                    failures += 1
                }
                let next = scanner.peekAfterWhitespace()
                scanner.index += 1
                if next == 0x5D { return }
                guard next == 0x2C else { throw JSONByteScanner.Unsupported() }
            }
        }

        /// Reads one job object (the cursor is at its `{`); nil when it has no usable `id`.
        private mutating func readJob(
            recent: inout (projects: RecentStrings, directories: RecentStrings)
        ) throws(JSONByteScanner.Unsupported) -> BatchJob? {
            scanner.index += 1
            for slot in 0..<fields.count { fields[slot] = .absent }
            if scanner.peekAfterWhitespace() == 0x7D {
                scanner.index += 1
            } else {
                while true {
                    guard scanner.peekAfterWhitespace() == 0x22 else { throw JSONByteScanner.Unsupported() }
                    let key = try scanner.scanString()
                    try scanner.expect(0x3A)
                    if let slot = try fieldIndex(key), isAbsent(fields[slot]) {
                        fields[slot] = try readField()
                    } else {
                        try scanner.skipValue(depth: 3)
                    }
                    let next = scanner.peekAfterWhitespace()
                    scanner.index += 1
                    if next == 0x7D { break }
                    guard next == 0x2C else { throw JSONByteScanner.Unsupported() }
                }
            }
            guard let id = try jobID(fields[0]) else { return nil }
            let projectID = try reusedString(fields[2], recent: &recent.projects)
            let directoryID = try reusedString(fields[13], recent: &recent.directories)
            return BatchJob(
                jobID: id,
                jobType: try lenientString(fields[1]) ?? "unknown",
                projectID: projectID ?? "",
                status: try lenientString(fields[3]) ?? "unknown",
                totalItems: try lenientInt(fields[4]) ?? 0,
                processedItems: try lenientInt(fields[5]),
                failedItems: try lenientInt(fields[6]),
                skippedItems: try lenientInt(fields[7]),
                createdAt: try lenientDate(fields[8]),
                startedAt: try lenientDate(fields[9]),
                updatedAt: try lenientDate(fields[10]),
                completedAt: try lenientDate(fields[11]),
                effectiveAt: try lenientDate(fields[12]),
                directoryID: directoryID,
                errorMessage: try lenientString(fields[14]),
                jobRecordID: try jobID(fields[15]),
                workflowID: try jobID(fields[16]))
        }

        /// The slot of a `BatchJob` key, or nil for a key the job does not read.
        private func fieldIndex(_ key: JSONByteScanner.StringToken) throws(JSONByteScanner.Unsupported) -> Int? {
            if key.hasEscape || key.hasNonASCII { return JobPageDecoder.fieldsByName[try scanner.makeString(key)] }
            // By length, then by first byte; then the whole key is compared.
            let name: StaticString
            let slot: Int
            switch (key.end - key.start, scanner.bytes[key.start]) {
            case (2, 0x69): (name, slot) = ("id", 0)
            case (6, 0x73): (name, slot) = ("status", 3)
            case (8, 0x6A): (name, slot) = ("job_type", 1)
            case (10, 0x70): (name, slot) = ("project_id", 2)
            case (10, 0x63): (name, slot) = ("created_at", 8)
            case (10, 0x73): (name, slot) = ("started_at", 9)
            case (10, 0x75): (name, slot) = ("updated_at", 10)
            case (11, 0x74): (name, slot) = ("total_items", 4)
            case (11, 0x77): (name, slot) = ("workflow_id", 16)
            case (12, 0x66): (name, slot) = ("failed_items", 6)
            case (12, 0x63): (name, slot) = ("completed_at", 11)
            case (12, 0x65): (name, slot) = ("effective_at", 12)
            case (12, 0x64): (name, slot) = ("directory_id", 13)
            case (13, 0x73): (name, slot) = ("skipped_items", 7)
            case (13, 0x65): (name, slot) = ("error_message", 14)
            case (13, 0x6A): (name, slot) = ("job_record_id", 15)
            case (15, 0x70): (name, slot) = ("processed_items", 5)
            default: return nil
            }
            return scanner.tokenEquals(key, name) ? slot : nil
        }

        /// Reads one value of a field that is read, keeping what the lenient rules need.
        private mutating func readField() throws(JSONByteScanner.Unsupported) -> Field {
            switch scanner.peekAfterWhitespace() {
            case 0x22: return .string(try scanner.scanString())
            case 0x2D, 0x30...0x39:
                switch try scanner.scanNumber() {
                case .integer(let value): return .integer(value)
                case .other: return .otherNumber
                }
            case 0x74:
                try scanner.scanLiteral("true")
                return .bool(true)
            case 0x66:
                try scanner.scanLiteral("false")
                return .bool(false)
            case 0x6E:
                try scanner.scanLiteral("null")
                return .empty
            default:
                try scanner.skipValue(depth: 3)
                return .empty
            }
        }

        /// True for a key not seen yet.
        private func isAbsent(_ field: Field) -> Bool {
            if case .absent = field { return true }
            return false
        }

        /// `lenientString`: a string as sent, an integer or boolean as text, nil otherwise.
        private func lenientString(_ field: Field) throws(JSONByteScanner.Unsupported) -> String? {
            switch field {
            case .absent, .empty: return nil
            case .string(let token): return try scanner.makeString(token)
            case .integer(let value): return String(value)
            case .otherNumber: throw JSONByteScanner.Unsupported()
            case .bool(let value): return value ? "true" : "false"
            }
        }

        /// The job's `id` (or record or workflow ID) as `lenientString` reads it, packed straight from the bytes when
        /// it has the API's form (no string is made); nil when there is none.
        private func jobID(_ field: Field) throws(JSONByteScanner.Unsupported) -> JobID? {
            if case .string(let token) = field, !token.hasEscape, !token.hasNonASCII,
                let id = JobID(packedUTF8: UnsafeRawBufferPointer(rebasing: scanner.bytes[token.start..<token.end]))
            {
                return id
            }
            return try lenientString(field).map { JobID($0) }
        }

        /// `lenientString` of a project or directory ID, giving back a string of `recent` when the field holds its
        /// exact bytes (and keeping a new one there).
        private func reusedString(
            _ field: Field, recent: inout RecentStrings
        ) throws(JSONByteScanner.Unsupported) -> String? {
            guard case .string(let token) = field, !token.hasEscape else { return try lenientString(field) }
            let raw = UnsafeRawBufferPointer(rebasing: scanner.bytes[token.start..<token.end])
            if let known = recent.string(equalTo: raw) { return known }
            let made = try scanner.makeString(token)
            recent.remember(made)
            return made
        }

        /// `lenientInt`: an integer, or a string `Int(_:)` accepts; nil otherwise.
        private func lenientInt(_ field: Field) throws(JSONByteScanner.Unsupported) -> Int? {
            switch field {
            case .absent, .empty, .bool: return nil
            case .string(let token): return Int(try scanner.makeString(token))
            case .integer(let value): return value
            case .otherNumber: throw JSONByteScanner.Unsupported()
            }
        }

        /// `lenientDate`: a string `ISO8601Timestamp.parse` accepts; nil otherwise.
        private func lenientDate(_ field: Field) throws(JSONByteScanner.Unsupported) -> Date? {
            guard case .string(let token) = field else { return nil }
            if token.hasEscape || token.hasNonASCII { return ISO8601Timestamp.parse(try scanner.makeString(token)) }
            return ISO8601Timestamp.parse(bytes: UnsafeRawBufferPointer(rebasing: scanner.bytes[token.start..<token.end]))
        }
    }
}
