import Foundation
import Testing

@testable import LlamaCloud

@Suite("Mapping HTTP failures to typed errors")
struct ErrorMappingTests {
    @Test("statuses map to their error with the body's detail")
    func statuses() {
        let body = Data(#"{"detail":"Invalid API key"}"#.utf8)
        #expect(HTTPBatchClient.error(status: 401, body: body, retryAfterMs: nil, retryAfter: nil)
            == .unauthorized(detail: "Invalid API key"))
        #expect(HTTPBatchClient.error(status: 403, body: Data(), retryAfterMs: nil, retryAfter: nil) == .forbidden(detail: nil))
        #expect(HTTPBatchClient.error(status: 404, body: body, retryAfterMs: nil, retryAfter: nil)
            == .notFound(detail: "Invalid API key"))
        #expect(HTTPBatchClient.error(status: 503, body: body, retryAfterMs: nil, retryAfter: nil)
            == .server(status: 503, detail: "Invalid API key"))
        #expect(HTTPBatchClient.error(status: 422, body: body, retryAfterMs: nil, retryAfter: nil)
            == .http(status: 422, detail: "Invalid API key"))
    }

    @Test("429 carries Retry-After in seconds, retry-after-ms first")
    func rateLimited() {
        #expect(HTTPBatchClient.error(status: 429, body: Data(), retryAfterMs: "1500", retryAfter: "9")
            == .rateLimited(retryAfter: 1.5, detail: nil))
        #expect(HTTPBatchClient.error(status: 429, body: Data(), retryAfterMs: nil, retryAfter: "7")
            == .rateLimited(retryAfter: 7, detail: nil))
        let now = Date(timeIntervalSince1970: 1_795_946_400)
        #expect(RetryAfter.seconds(retryAfterMs: nil, retryAfter: "Sun, 29 Nov 2026 10:00:30 GMT", now: now) == 30)
        #expect(RetryAfter.seconds(retryAfterMs: nil, retryAfter: "soon", now: now) == nil)
    }

    @Test("HTML and validation-list bodies give a readable detail")
    func details() {
        #expect(ErrorDetail.extract(from: Data("<html><head><title>502 Bad Gateway</title></head></html>".utf8))
            == "HTML page: 502 Bad Gateway")
        #expect(ErrorDetail.extract(from: Data(#"{"detail":[{"msg":"limit too big"},{"msg":"offset < 0"}]}"#.utf8))
            == "limit too big; offset < 0")
        #expect(ErrorDetail.extract(from: Data()) == nil)
    }

    @Test("a server echoing the key cannot put it into a message")
    func redaction() {
        let key = "llx-secret-123"
        let error = BatchAPIError.server(status: 500, detail: "bad token \(key)").redacting(key)
        #expect(!error.description.contains(key))
        #expect(error.description.contains("[redacted]"))
        let configuration = APIConfiguration(apiKey: key)
        #expect(!String(describing: configuration).contains(key))
        #expect(!String(reflecting: configuration).contains(key))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains(key))
    }

    @Test("URLs carry the scope and percent-encode untrusted parts")
    func urls() {
        let configuration = APIConfiguration(
            baseURL: "http://127.0.0.1:8080/", apiKey: "k", organizationID: "org 1", projectID: "p&1")
        #expect(configuration.url(path: "/" + APIConfiguration.encode("bjb/../x"), query: [("status", "running"), ("job_type", nil)])
            == "http://127.0.0.1:8080/api/v1/beta/batch-processing/bjb%2F..%2Fx?status=running&organization_id=org%201&project_id=p%261")
        #expect(APIConfiguration(baseURL: "ftp://x", apiKey: "k").validationError() != nil)
        #expect(APIConfiguration(baseURL: "not a url", apiKey: "k").validationError() != nil)
        #expect(APIConfiguration(apiKey: "k").validationError() == nil)
    }
}

@Suite("Retry headers on error responses")
struct RetryHeaderTests {
    @Test("x-should-retry and Retry-After are kept on 429, 5xx and other statuses")
    func headers() {
        let now = Date(timeIntervalSince1970: 1_795_946_400)
        #expect(HTTPBatchClient.error(status: 429, body: Data(), retryAfterMs: nil, retryAfter: "2", shouldRetry: "false")
            == .rateLimited(retryAfter: 2, detail: nil, shouldRetry: false))
        let html = Data("<html><title>503 Service Unavailable</title></html>".utf8)
        let unavailable = HTTPBatchClient.error(
            status: 503, body: html, retryAfterMs: nil, retryAfter: "Sun, 29 Nov 2026 10:00:08 GMT", now: now)
        #expect(unavailable == .server(status: 503, detail: "HTML page: 503 Service Unavailable", retryAfter: 8))
        #expect(unavailable.retryAfter == 8)
        #expect(HTTPBatchClient.error(status: 409, body: Data(), retryAfterMs: "250", retryAfter: nil, shouldRetry: "TRUE")
            == .http(status: 409, detail: nil, retryAfter: 0.25, shouldRetry: true))
        #expect(HTTPBatchClient.error(status: 401, body: Data(), retryAfterMs: nil, retryAfter: nil, shouldRetry: "true")
            == .unauthorized(detail: nil))
        #expect(RetryAfter.shouldRetry(header: "maybe") == nil)
        #expect(BatchAPIError.server(status: 503, detail: "x", retryAfter: 1, shouldRetry: false).description
            == "server error 503: x")
    }
}

@Suite("Plain transport messages")
struct TransportMessageTests {
    @Test("NIO socket errors become short sentences", arguments: [
        ("connection reset (error set): Connection refused) (errno: 111)", "connection refused (is the server running at the base URL?)"),
        ("NIOConnectionError(host: \"x\", dnsAError: getaddrinfo failed)", "host name not found"),
        ("HTTPClientError.remoteConnectionClosed", "the server closed the connection"),
    ])
    func plain(raw: String, expected: String) {
        #expect(HTTPBatchClient.plainTransportMessage(raw) == expected)
    }

    @Test("unknown errors are kept but bounded")
    func bounded() {
        let long = String(repeating: "x", count: 500)
        #expect(HTTPBatchClient.plainTransportMessage(long).count == 121)
        #expect(HTTPBatchClient.plainTransportMessage("odd failure") == "odd failure")
    }
}
