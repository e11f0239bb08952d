#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// A hidden, test-only way to crash the dashboard after its first frame (`BATCHTOP_TEST_CRASH=fatal|segv|abort`), so
/// the end-to-end tests can check that a fatal error still leaves the terminal usable and the crash reported.
enum TestCrashTrigger {
    /// The environment variable that asks for the crash.
    static let variable = "BATCHTOP_TEST_CRASH"

    /// Crashes the way the environment asks, or returns when it asks nothing (the normal case).
    static func fireIfRequested(environment: [String: String] = ProcessInfo.processInfo.environment) {
        switch environment[variable] {
        case "fatal":
            fatalError("\(variable)=fatal: a deliberate crash to test that the terminal comes back")
        case "segv":
            raise(SIGSEGV)
        case "abort":
            abort()
        default:
            return
        }
    }
}
