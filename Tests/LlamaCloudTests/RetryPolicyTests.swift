import Foundation
import Testing

@testable import LlamaCloud

@Suite("Retry policy: what is retried and how long to wait, like the official SDKs")
struct RetryPolicyTests {
    private let policy = RetryPolicy(random: { 0 })

    @Test("connection errors, timeouts, 408, 409, 429 and 5xx are retried; the rest is final")
    func retryable() {
        let retried: [BatchAPIError] = [
            .timeout, .transport("connection refused"), .http(status: 408, detail: nil), .http(status: 409, detail: nil),
            .rateLimited(retryAfter: nil, detail: nil), .server(status: 500, detail: nil), .server(status: 503, detail: nil),
        ]
        let final: [BatchAPIError] = [
            .unauthorized(detail: nil), .forbidden(detail: nil), .notFound(detail: nil), .http(status: 400, detail: nil),
            .http(status: 422, detail: nil), .undecodable("not valid JSON"), .invalidRequest("bad URL"),
        ]
        for error in retried { #expect(policy.isRetryable(error), "\(error)") }
        for error in final { #expect(!policy.isRetryable(error), "\(error)") }
    }

    @Test("x-should-retry wins both ways")
    func shouldRetryHeader() {
        #expect(!policy.isRetryable(.server(status: 503, detail: nil, shouldRetry: false)))
        #expect(!policy.isRetryable(.rateLimited(retryAfter: 1, detail: nil, shouldRetry: false)))
        #expect(policy.isRetryable(.http(status: 400, detail: nil, shouldRetry: true)))
    }

    @Test("backoff is min(0.5·2^n, 8) s, shortened by up to 25 % of jitter")
    func backoff() {
        let error = BatchAPIError.server(status: 502, detail: nil)
        #expect((0..<7).map { policy.delay(beforeRetry: $0, after: error) } == [0.5, 1, 2, 4, 8, 8, 8])
        let maximalJitter = RetryPolicy(random: { 1 })
        #expect((0..<5).map { maximalJitter.delay(beforeRetry: $0, after: error) } == [0.375, 0.75, 1.5, 3, 6])
        let halfJitter = RetryPolicy(random: { 0.5 })
        #expect(halfJitter.delay(beforeRetry: 1, after: error) == 0.875)
        let draws = (0..<200).map { _ in RetryPolicy().delay(beforeRetry: 2, after: error) }
        #expect(draws.allSatisfy { (1.5...2).contains($0) })
    }

    @Test("the server's advice is followed when it is above 0 and at most 60 s, else the backoff applies")
    func retryAfter() {
        #expect(policy.delay(beforeRetry: 0, after: .rateLimited(retryAfter: 7, detail: nil)) == 7)
        #expect(policy.delay(beforeRetry: 1, after: .server(status: 503, detail: nil, retryAfter: 60)) == 60)
        #expect(policy.delay(beforeRetry: 1, after: .rateLimited(retryAfter: 61, detail: nil)) == 1)
        #expect(policy.delay(beforeRetry: 0, after: .rateLimited(retryAfter: 0, detail: nil)) == 0.5)
    }

    @Test("no retries with .never; the default allows two")
    func limits() {
        #expect(RetryPolicy.never.maxRetries == 0)
        #expect(RetryPolicy().maxRetries == 2)
    }
}
