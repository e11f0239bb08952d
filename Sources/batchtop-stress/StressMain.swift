import Foundation
import PollerStress

/// `batchtop-stress [--small]`: runs the poller's concurrency stress scenarios (`PollerStress`) and exits 1 if any
/// expectation failed. Meant for the release build, which is where the Swift 6.3.1 miscompile crashed batchtop.
@main
enum StressMain {
    static func main() async {
        let small = CommandLine.arguments.contains("--small")
        let reports = await StressScenarios.all(small ? .small : .release)
        for report in reports {
            let verdict = report.passed ? "ok  " : "FAIL"
            say("\(verdict) \(report.name): \(report.summary) [\(String(format: "%.1f", report.seconds)) s]")
            for problem in report.problems.prefix(10) { say("     - \(problem)") }
        }
        let failed = reports.filter { !$0.passed }.count
        say(failed == 0 ? "stress: all \(reports.count) scenarios passed" : "stress: \(failed) of \(reports.count) scenarios FAILED")
        exit(failed == 0 ? 0 : 1)
    }

    /// Writes a line unbuffered, so each scenario's line reaches the CI log even if a later one crashes.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
