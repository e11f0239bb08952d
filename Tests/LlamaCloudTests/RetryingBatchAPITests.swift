import Clocks
import Foundation
import Testing

@testable import LlamaCloud

@Suite("RetryingBatchAPI on a test clock")
struct RetryingBatchAPITests {
    private static func list(_ api: RetryingBatchAPI) -> Task<Result<JobListPage, BatchAPIError>, Never> {
        Task {
            do throws(BatchAPIError) {
                return .success(try await api.listJobs(JobListQuery()))
            } catch {
                return .failure(error)
            }
        }
    }

    @Test("three 503s: calls at 0, 0.4375 and 1.3125 s (jitter draw 0.5), then the last error")
    func schedule() async {
        let clock = TestClock()
        let failure = BatchAPIError.server(status: 503, detail: "maintenance")
        let base = ScriptedAPI(clock: clock, script: [failure, failure, failure])
        let api = RetryingBatchAPI(base, policy: RetryPolicy(random: { 0.5 }), clock: clock)
        let task = Self.list(api)
        await waitForSleeper(clock)
        #expect(base.calls == 1)
        await clock.advance(by: .milliseconds(437))
        await settle()
        #expect(base.calls == 1, "retried before the backoff had passed")
        await clock.advance(by: .microseconds(500))
        await eventually("second attempt") { base.calls == 2 }
        await waitForSleeper(clock)
        await clock.advance(by: .milliseconds(875))
        await eventually("third attempt") { base.calls == 3 }
        #expect(await task.value == .failure(failure))
        #expect(base.callTimes == [.zero, .milliseconds(437.5), .milliseconds(1312.5)])
    }

    @Test("Retry-After is honoured exactly, and a success ends the retries")
    func retryAfter() async throws {
        let clock = TestClock()
        let base = ScriptedAPI(clock: clock, script: [.rateLimited(retryAfter: 3, detail: nil)])
        let api = RetryingBatchAPI(base, clock: clock)
        let task = Self.list(api)
        await waitForSleeper(clock)
        await clock.advance(by: .milliseconds(2999))
        await settle()
        #expect(base.calls == 1)
        await clock.advance(by: .milliseconds(1))
        let result = await task.value
        #expect((try? result.get()) == JobListPage(items: [], totalSize: 0))
        #expect(base.callTimes == [.zero, .seconds(3)])
    }

    @Test("a Retry-After above 60 s falls back to the backoff")
    func longRetryAfter() async {
        let clock = TestClock()
        let base = ScriptedAPI(clock: clock, script: [.server(status: 503, detail: nil, retryAfter: 120)])
        let api = RetryingBatchAPI(base, policy: RetryPolicy(random: { 0 }), clock: clock)
        let task = Self.list(api)
        await waitForSleeper(clock)
        await clock.advance(by: .milliseconds(500))
        _ = await task.value
        #expect(base.callTimes == [.zero, .milliseconds(500)])
    }

    @Test("x-should-retry: false, a 404 and a 401 are not retried")
    func finalErrors() async {
        for error in [
            BatchAPIError.server(status: 503, detail: nil, shouldRetry: false), .notFound(detail: nil),
            .unauthorized(detail: "bad key"),
        ] {
            let clock = TestClock()
            let base = ScriptedAPI(clock: clock, script: [error])
            let result = await Self.list(RetryingBatchAPI(base, clock: clock)).value
            #expect(result == .failure(error))
            #expect(base.calls == 1)
        }
    }

    @Test("timeouts and connection errors are retried up to maxRetries")
    func transport() async {
        let clock = TestClock()
        let base = ScriptedAPI(clock: clock, script: [.timeout, .transport("reset"), .timeout, .timeout])
        let api = RetryingBatchAPI(base, policy: RetryPolicy(maxRetries: 3, random: { 0 }), clock: clock)
        let task = Self.list(api)
        for wait in [Duration.milliseconds(500), .seconds(1), .seconds(2)] {
            await waitForSleeper(clock)
            await clock.advance(by: wait)
        }
        #expect(await task.value == .failure(.timeout))
        #expect(base.calls == 4)
        #expect(base.callTimes == [.zero, .milliseconds(500), .milliseconds(1500), .milliseconds(3500)])
    }

    @Test("a 429 holds back every other request through the same API until its wait has passed")
    func sharedGate() async {
        let clock = TestClock()
        let base = ScriptedAPI(clock: clock, script: [.rateLimited(retryAfter: 5, detail: nil)])
        let api = RetryingBatchAPI(base, clock: clock)
        let first = Self.list(api)
        await waitForSleeper(clock)
        await clock.advance(by: .seconds(1))
        let second = Self.list(api)
        await waitForSleeper(clock)
        await settle()
        #expect(base.calls == 1, "the second request went out during the rate-limit wait")
        await clock.advance(by: .seconds(4))
        _ = await first.value
        _ = await second.value
        #expect(base.callTimes == [.zero, .seconds(5), .seconds(5)])
    }

    @Test("cancelling during a wait ends the call with the error at once")
    func cancellation() async {
        let clock = TestClock()
        let failure = BatchAPIError.server(status: 500, detail: nil)
        let base = ScriptedAPI(clock: clock, script: [failure, failure])
        let task = Self.list(RetryingBatchAPI(base, clock: clock))
        await waitForSleeper(clock)
        task.cancel()
        #expect(await task.value == .failure(failure))
        #expect(base.calls == 1)
    }
}
