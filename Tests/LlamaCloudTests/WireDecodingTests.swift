import Foundation
import Testing

@testable import LlamaCloud

/// The status response example of reference/get-batch-job-status.txt, verbatim.
let referenceStatusPayload = """
    {
      "job": {
        "id": "bjb-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        "job_type": "parse",
        "project_id": "proj-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        "status": "pending",
        "total_items": 0,
        "completed_at": "2019-12-27T18:11:19.117Z",
        "created_at": "2019-12-27T18:11:19.117Z",
        "directory_id": "dir-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        "effective_at": "2019-12-27T18:11:19.117Z",
        "error_message": "error_message",
        "failed_items": 0,
        "job_record_id": "job_record_id",
        "processed_items": 0,
        "skipped_items": 0,
        "started_at": "2019-12-27T18:11:19.117Z",
        "updated_at": "2019-12-27T18:11:19.117Z",
        "workflow_id": "workflow_id"
      },
      "progress_percentage": 0
    }
    """

@Suite("Decoding the API's payloads")
struct WireDecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    @Test("the reference's status example decodes field by field")
    func referenceExample() throws {
        let response = try decode(JobStatusResponse.self, referenceStatusPayload)
        let job = response.job
        #expect(job.id == "bjb-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        #expect(job.jobType == "parse")
        #expect(job.projectID == "proj-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        #expect(job.status == "pending")
        #expect(job.totalItems == 0)
        #expect(job.processedItems == 0)
        #expect(job.failedItems == 0)
        #expect(job.skippedItems == 0)
        #expect(job.directoryID == "dir-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        #expect(job.errorMessage == "error_message")
        #expect(job.jobRecordID == "job_record_id")
        #expect(job.workflowID == "workflow_id")
        let expected = Date(timeIntervalSince1970: 1_577_470_279.117)
        for date in [job.createdAt, job.startedAt, job.updatedAt, job.completedAt, job.effectiveAt] {
            let value = try #require(date)
            #expect(abs(value.timeIntervalSince(expected)) < 0.0005)
        }
        #expect(response.progressPercentage == 0)
    }

    @Test("an unknown status and job type are kept as the raw strings")
    func unknownValues() throws {
        let job = try decode(
            BatchJob.self, #"{"id":"bjb-1","job_type":"summarize","project_id":"p","status":"throttled","total_items":5}"#)
        #expect(job.status == "throttled")
        #expect(job.jobType == "summarize")
        #expect(job.totalItems == 5)
    }

    @Test("absent and null optionals decode as nil")
    func missingAndNullOptionals() throws {
        let absent = try decode(BatchJob.self, #"{"id":"a","job_type":"parse","project_id":"p","status":"running","total_items":3}"#)
        let nulls = try decode(
            BatchJob.self,
            #"{"id":"b","job_type":"parse","project_id":"p","status":"running","total_items":3,"processed_items":null,"#
                + #""failed_items":null,"skipped_items":null,"created_at":null,"started_at":null,"updated_at":null,"#
                + #""completed_at":null,"effective_at":null,"directory_id":null,"error_message":null,"#
                + #""job_record_id":null,"workflow_id":null}"#)
        for job in [absent, nulls] {
            #expect(job.processedItems == nil)
            #expect(job.failedItems == nil)
            #expect(job.skippedItems == nil)
            #expect(job.createdAt == nil)
            #expect(job.completedAt == nil)
            #expect(job.errorMessage == nil)
            #expect(job.directoryID == nil)
        }
    }

    @Test(
        "dates with and without fractional seconds and zones",
        arguments: [
            ("2026-11-29T10:00:00Z", 1_795_946_400.0),
            ("2026-11-29T10:00:00.5Z", 1_795_946_400.5),
            ("2026-11-29T10:00:00.123456", 1_795_946_400.123456),
            ("2026-11-29T12:00:00+02:00", 1_795_946_400.0),
            ("2026-11-29T05:30:00-0430", 1_795_946_400.0),
        ])
    func dates(text: String, seconds: Double) throws {
        let date = try #require(ISO8601Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_01)
    }

    @Test("an unparseable date becomes nil without failing the job")
    func badDate() throws {
        let job = try decode(
            BatchJob.self,
            #"{"id":"a","job_type":"parse","project_id":"p","status":"running","total_items":1,"created_at":"yesterday"}"#)
        #expect(job.createdAt == nil)
        #expect(ISO8601Timestamp.parse("2026-13-01T00:00:00Z") == nil)
        #expect(ISO8601Timestamp.parse("2026-11-29T10:00:00Zjunk") == nil)
    }

    @Test("formatting and parsing round-trip to the millisecond")
    func roundTrip() throws {
        let date = Date(timeIntervalSince1970: 1_795_946_434.567)
        let text = ISO8601Timestamp.format(date)
        #expect(text == "2026-11-29T10:00:34.567Z")
        let parsed = try #require(ISO8601Timestamp.parse(text))
        #expect(abs(parsed.timeIntervalSince(date)) < 0.000_001)
    }

    @Test("progress is kept as the server sent it, even outside 0…100; a missing one is derived from the counts", arguments: [
        (#""progress_percentage": 140"#, 140.0), (#""progress_percentage": -3"#, -3.0),
        (#""progress_percentage": "NaN""#, 25.0), (#""progress_percentage": "inf""#, 25.0),
        (#""progress_percentage": 42.5"#, 42.5), (#""progress_percentage": null"#, 25.0), ("\"x\": 1", 25.0),
    ])
    func progressClamping(field: String, expected: Double) throws {
        let json = #"{"job":{"id":"a","job_type":"parse","project_id":"p","status":"running","total_items":8,"processed_items":2},"#
            + field + "}"
        #expect(try decode(JobStatusResponse.self, json).progressPercentage == expected)
    }

    @Test("counts sent as floats or strings still decode")
    func lenientNumbers() throws {
        let job = try decode(
            BatchJob.self,
            #"{"id":"a","job_type":"parse","project_id":"p","status":"running","total_items":10.0,"processed_items":"4"}"#)
        #expect(job.totalItems == 10)
        #expect(job.processedItems == 4)
    }

    @Test("a list page keeps good jobs and counts the ones without an id")
    func listPageWithBadItem() throws {
        let page = try decode(
            JobListPage.self,
            #"{"items":[{"id":"a","job_type":"parse","project_id":"p","status":"running","total_items":1},"#
                + #"{"job_type":"parse"},{"id":"c","job_type":"x","project_id":"p","status":"new","total_items":2}],"total_size":7}"#)
        #expect(page.items.map(\.id) == ["a", "c"])
        #expect(page.undecodableCount == 1)
        #expect(page.totalSize == 7)
    }

    @Test("items and cancel responses decode")
    func itemsAndCancel() throws {
        let items = try decode(
            ItemsPage.self,
            #"{"items":[{"item_id":"i1","item_name":"a.pdf","status":"failed","error_message":"PDF is password-protected"},"#
                + #"{"item_id":"i2","item_name":"b.pdf","status":"skipped","skip_reason":"size_limit_exceeded"}],"total_size":2}"#)
        #expect(items.items.count == 2)
        #expect(items.items[0].errorMessage == "PDF is password-protected")
        #expect(items.items[1].skipReason == "size_limit_exceeded")
        let cancel = try decode(
            CancelResponse.self, #"{"job_id":"bjb-1","message":"Job cancelled","processed_items":12,"status":"cancelled"}"#)
        #expect(cancel == CancelResponse(jobID: "bjb-1", message: "Job cancelled", processedItems: 12, status: "cancelled"))
    }

    @Test("malformed JSON and a missing job give a decoding error")
    func malformed() {
        #expect(throws: DecodingError.self) { try decode(JobStatusResponse.self, #"{"job": {"id": "a", "#) }
        #expect(throws: DecodingError.self) { try decode(JobStatusResponse.self, #"{"progress_percentage": 3}"#) }
        #expect(throws: DecodingError.self) { try decode(JobListPage.self, #"{"total_size": 3}"#) }
    }

    @Test("encoding a job and decoding it again gives the same job")
    func encodeRoundTrip() throws {
        let job = try decode(JobStatusResponse.self, referenceStatusPayload).job
        let again = try JSONDecoder().decode(BatchJob.self, from: JSONEncoder().encode(job))
        #expect(again == job)
    }
}

@Suite("Counts arrive as the server sent them")
struct RawCountTests {
    @Test("negative and huge counts are kept, not fixed")
    func keptAsSent() throws {
        let json = #"{"id":"a","job_type":"parse","project_id":"p","status":"running","total_items":-5,"#
            + #""processed_items":9223372036854775807,"failed_items":-1,"skipped_items":-9223372036854775808}"#
        let job = try JSONDecoder().decode(BatchJob.self, from: Data(json.utf8))
        #expect(job.totalItems == -5)
        #expect(job.processedItems == Int.max)
        #expect(job.failedItems == -1)
        #expect(job.skippedItems == Int.min)
    }
}
