#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import TextTools
import PollerStress

/// `batchtop-stress [--small]`: runs the poller's concurrency stress scenarios (`PollerStress`) and exits 1 if any
/// expectation failed. Meant for the release build, which is where the Swift 6.3.1 miscompile crashed batchtop.
/// `batchtop-stress --soak JOBS CYCLES`: the poller alone over a churning project on a simulated clock, printing
/// its resident memory every 100 cycles (a leak shows as growth once the job count is steady).
@main
enum StressMain {
    static func main() async {
        let arguments = CommandLine.arguments
        if let flag = arguments.firstIndex(of: "--soak") {
            let numbers = arguments.dropFirst(flag + 1).compactMap { Int($0) }
            await MemorySoak.run(jobs: numbers.first ?? 10_000, cycles: numbers.dropFirst().first ?? 2_000) { reading in
                say("cycle \(reading.cycle): \(reading.jobs) jobs, RSS \(reading.residentKilobytes) kB")
            }
            return
        }
        let small = CommandLine.arguments.contains("--small")
        let reports = await StressScenarios.all(small ? .small : .release)
        for report in reports {
            let verdict = report.passed ? "ok  " : "FAIL"
            say("\(verdict) \(report.name): \(report.summary) [\(String(cFormat: "%.1f", report.seconds)) s]")
            for problem in report.problems.prefix(10) { say("     - \(problem)") }
        }
        let failed = reports.filter { !$0.passed }.count
        say(failed == 0 ? "stress: all \(reports.count) scenarios passed" : "stress: \(failed) of \(reports.count) scenarios FAILED")
        exit(failed == 0 ? 0 : 1)
    }

    /// Writes a line unbuffered, so each scenario's line reaches the CI log even if a later one crashes.
    static func say(_ line: String) {
        TextOutput.standardOutput(line + "\n")
    }
}
