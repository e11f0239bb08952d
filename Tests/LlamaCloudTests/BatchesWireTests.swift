import Foundation
import Testing

@testable import LlamaCloud

/// Decoding of every v2 shape the reference describes: required, optional, null, unknown values, hostile input.
@Suite("v2 wire decoding")
struct BatchesWireTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    @Test("a batch with every field and expanded results")
    func fullBatch() throws {
        let batch = try decode(Batch.self, """
            {"id":"bat-1","project_id":"prj-1","source_directory_id":"dir-1","status":"RUNNING",
             "config":{"job":{"type":"parse_v2","configuration_id":"cfg-PARSE_AGENTIC"}},
             "created_at":"2026-11-30T10:00:00.123Z","updated_at":"2026-11-30T10:05:00Z",
             "results":[
               {"source_directory_file_id":"dfl-1","job_reference":{"type":"parse_v2","id":"pjb-1"},"error_message":null},
               {"source_directory_file_id":"dfl-2","job_reference":null,"error_message":"unsupported file type"},
               {"source_directory_file_id":"dfl-3"}
             ]}
            """)
        #expect(batch.id == "bat-1")
        #expect(batch.projectID == "prj-1")
        #expect(batch.sourceDirectoryID == "dir-1")
        #expect(batch.status == "RUNNING")
        #expect(batch.jobType == "parse_v2")
        #expect(batch.configurationID == "cfg-PARSE_AGENTIC")
        #expect(batch.createdAt != nil)
        #expect(batch.updatedAt != nil)
        let results = try #require(batch.results)
        #expect(results.count == 3)
        #expect(results[0].jobReference == JobReference(type: "parse_v2", id: "pjb-1"))
        #expect(results[0].jobReference?.kind == .parse)
        #expect(results[1].jobReference == nil)
        #expect(results[1].errorMessage == "unsupported file type")
        #expect(results[2].jobReference == nil && results[2].errorMessage == nil)
    }

    @Test("results absent, null or empty are told apart; optional dates may be null")
    func resultsNullability() throws {
        let base = #""id":"bat-2","project_id":"p","source_directory_id":"dir-2","status":"PENDING","config":{"job":{"type":"extract_v2","configuration_id":"cfg-x"}}"#
        #expect(try decode(Batch.self, "{\(base)}").results == nil)
        #expect(try decode(Batch.self, "{\(base),\"results\":null,\"created_at\":null}").results == nil)
        #expect(try decode(Batch.self, "{\(base),\"results\":[]}").results == [])
        #expect(try decode(Batch.self, "{\(base),\"created_at\":\"yesterday\"}").createdAt == nil)
        #expect(try decode(Batch.self, "{\(base)}").jobType == "extract_v2")
    }

    @Test("an unknown status and an unknown job type are kept as sent")
    func unknownValues() throws {
        let batch = try decode(Batch.self, #"{"id":"bat-3","project_id":"p","source_directory_id":"d","status":"REBALANCING","config":{"job":{"type":"classify_v3","configuration_id":"c"}}}"#)
        #expect(batch.status == "REBALANCING")
        #expect(batch.jobType == "classify_v3")
        let reference = try decode(JobReference.self, #"{"type":"summarize_v2","id":"sjb-1"}"#)
        #expect(reference.kind == nil)
    }

    @Test("a batch without id or status does not decode; one without config degrades to empty strings")
    func requiredFields() throws {
        #expect(throws: (any Error).self) { try decode(Batch.self, #"{"status":"RUNNING"}"#) }
        #expect(throws: (any Error).self) { try decode(Batch.self, #"{"id":"bat-4"}"#) }
        let bare = try decode(Batch.self, #"{"id":"bat-4","status":"RUNNING"}"#)
        #expect(bare.jobType == "" && bare.configurationID == "" && bare.sourceDirectoryID == "")
    }

    @Test("a malformed results entry is counted, the others kept")
    func malformedResult() throws {
        let batch = try decode(Batch.self, #"{"id":"bat-5","status":"RUNNING","results":[{"job_reference":{"id":"x"}},{"source_directory_file_id":"dfl-1","job_reference":{"type":"parse_v2"}}]}"#)
        #expect(batch.results?.count == 1)
        #expect(batch.undecodableResults == 1)
        #expect(batch.results?.first?.jobReference == nil)
    }

    @Test("parse job, and extract job with a free-text status and extra fields")
    func jobs() throws {
        let parse = try decode(ProcessingJob.self, #"{"id":"pjb-1","project_id":"p","status":"FAILED","error_message":"OCR timeout","name":"a.pdf","tier":"agentic","usage":{"credits":null},"user_metadata":{"k":"v"}}"#)
        #expect(parse.status == "FAILED")
        #expect(parse.errorMessage == "OCR timeout")
        #expect(parse.isTerminal)
        let extract = try decode(ProcessingJob.self, #"{"id":"exj-1","project_id":"p","status":"Waiting for capacity","file_input":"dfl-9","created_at":"2026-11-30T10:00:00Z","updated_at":"2026-11-30T10:00:00Z","extract_result":[{"a":1}],"configuration_id":null}"#)
        #expect(extract.status == "Waiting for capacity")
        #expect(!extract.isTerminal)
        #expect(extract.fileInput == "dfl-9")
        #expect(try decode(ProcessingJob.self, #"{"id":"exj-2","status":"cancelled"}"#).isTerminal)
    }

    @Test("cursor pages: a null, missing or empty token ends the listing; an empty page ends it too")
    func cursorPages() throws {
        let last = try decode(CursorPage<DirectoryFile>.self, #"{"items":[{"id":"dfl-1","display_name":"a.pdf","directory_id":"d","project_id":"p","unique_id":"u"}],"next_page_token":null}"#)
        #expect(last.items.map(\.displayName) == ["a.pdf"])
        #expect(last.isLast)
        #expect(try decode(CursorPage<DirectoryFile>.self, #"{"items":[{"id":"dfl-1"}]}"#).isLast)
        #expect(try decode(CursorPage<DirectoryFile>.self, #"{"items":[{"id":"dfl-1"}],"next_page_token":""}"#).isLast)
        let more = try decode(CursorPage<DirectoryFile>.self, #"{"items":[{"id":"dfl-1"}],"next_page_token":"abc"}"#)
        #expect(!more.isLast)
        #expect(more.items.first?.displayName == "dfl-1")
        #expect(try decode(CursorPage<DirectoryFile>.self, #"{"items":[],"next_page_token":"abc"}"#).isLast)
        let mixed = try decode(CursorPage<Batch>.self, #"{"items":[{"id":"bat-1","status":"RUNNING"},{"nope":1},7],"next_page_token":"n"}"#)
        #expect(mixed.items.count == 1)
        #expect(mixed.undecodableCount == 2)
        #expect(!mixed.isLast)
    }

    @Test("collectPages follows tokens, and stops on a repeated token or the page ceiling")
    func collecting() async throws {
        let pages = ["": (["a", "b"], "t1"), "t1": (["c"], "t2"), "t2": (["d"], nil as String?)]
        let all = try await collectPages { (token: String?) async throws(BatchAPIError) -> CursorPage<DirectoryFile> in
            let (ids, next) = pages[token ?? ""] ?? ([], nil)
            return CursorPage(items: ids.map { DirectoryFile(id: $0, displayName: $0) }, nextPageToken: next)
        }
        #expect(all.map(\.id) == ["a", "b", "c", "d"])
        let calls = Locked(0)
        let looped = try await collectPages { (_: String?) async throws(BatchAPIError) -> CursorPage<DirectoryFile> in
            calls.withLock { $0 += 1 }
            return CursorPage(items: [DirectoryFile(id: "x", displayName: "x")], nextPageToken: "same")
        }
        #expect(looped.count == 2)
        #expect(calls.withLock { $0 } == 2)
        let capped = try await collectPages(maxPages: 3) { (token: String?) async throws(BatchAPIError) -> CursorPage<DirectoryFile> in
            let next = (Int(token ?? "0") ?? 0) + 1
            return CursorPage(items: [DirectoryFile(id: "\(next)", displayName: "")], nextPageToken: String(next))
        }
        #expect(capped.count == 3)
    }

    @Test("list-valued query parameters repeat their key; the v2 paths sit at the root")
    func urls() {
        let configuration = APIConfiguration(baseURL: "https://example.test/", apiKey: "k", projectID: "prj 1")
        let url = configuration.url(
            path: "", query: [("job_ids", "pjb-1"), ("job_ids", "pjb-2"), ("page_size", "100"), ("page_token", nil)],
            prefix: "/api/v2/parse")
        #expect(url == "https://example.test/api/v2/parse?job_ids=pjb-1&job_ids=pjb-2&page_size=100&project_id=prj%201")
    }
}

/// What the log shows of a bulk call.
@Suite("log lines of bulk calls")
struct AbridgedQueryTests {
    @Test("a parameter repeated more than twice shows its first value and a count; others are kept")
    func abridged() {
        let query = (1...100).map { "job_ids=pjb-\($0)" }.joined(separator: "&") + "&page_size=100"
        #expect(HTTPBatchClient.abridged(query) == "job_ids=pjb-1&job_ids=…(100 in all)&page_size=100")
        #expect(HTTPBatchClient.abridged("job_ids=a&job_ids=b&page_size=2") == "job_ids=a&job_ids=b&page_size=2")
        #expect(HTTPBatchClient.abridged("limit=100&offset=0") == "limit=100&offset=0")
    }
}
