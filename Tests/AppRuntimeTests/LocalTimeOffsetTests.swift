import Foundation
import Testing

@testable import AppRuntime

@Suite("The local zone's offset without ICU")
struct LocalTimeOffsetTests {
    @Test("agrees with Foundation's ICU-backed zone in winter, in summer and now")
    func agreesWithFoundation() {
        // Foundation (linked by the tests, not by the dashboard) reads the same TZ / /etc/localtime through ICU.
        let instants = [
            Date(timeIntervalSince1970: 1_768_435_200),  // 2026-01-15
            Date(timeIntervalSince1970: 1_784_073_600),  // 2026-07-15
            Date(),
        ]
        for instant in instants {
            #expect(LocalTimeOffset.secondsFromGMT(at: instant) == TimeZone.current.secondsFromGMT(for: instant))
        }
    }

    @Test("an instant the C library cannot hold reads as GMT, not a trap")
    func extremeInstants() {
        #expect(LocalTimeOffset.secondsFromGMT(at: Date(timeIntervalSince1970: .infinity)) == 0)
        #expect(LocalTimeOffset.secondsFromGMT(at: Date(timeIntervalSince1970: -.greatestFiniteMagnitude)) == 0)
        #expect(LocalTimeOffset.secondsFromGMT(at: Date(timeIntervalSince1970: .nan)) == 0)
    }
}
