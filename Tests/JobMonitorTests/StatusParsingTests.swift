import Testing

@testable import JobMonitor

/// `JobStatus(raw:)` and `JobType(raw:)`: the word as sent is tried before its lower case, which must not change what
/// any spelling maps to.
@Suite struct StatusParsingTests {
    /// Every known word in lower, upper and mixed case maps to its case; unknown words keep the server's spelling.
    @Test func statusesMapInAnyCase() {
        let known: [(String, JobStatus)] = [
            ("pending", .pending), ("running", .running), ("dispatched", .dispatched), ("throttled", .throttled),
            ("completed", .completed), ("failed", .failed), ("cancelled", .cancelled), ("canceled", .cancelled),
        ]
        for (word, status) in known {
            #expect(JobStatus(raw: word) == status)
            #expect(JobStatus(raw: word.uppercased()) == status)
            #expect(JobStatus(raw: word.prefix(1).uppercased() + word.dropFirst()) == status)
        }
        #expect(JobStatus(raw: "Paused") == .other("Paused"))
        #expect(JobStatus(raw: "") == .other(""))
        #expect(JobStatus(raw: "running ") == .other("running "))
    }

    /// A tracked job's status byte says "finished" exactly when its status is terminal (`JobAlerts` reads the byte).
    @Test(arguments: [
        JobStatus.pending, .running, .dispatched, .throttled, .completed, .failed, .cancelled, .other("completed"),
        .other("Paused"),
    ])
    func finishedByteMatchesTheStatus(status: JobStatus) {
        let tracked = TrackedJob(job: Job(id: "bjb-1", type: .parse, status: status, totalItems: 1), fetchedAt: nil)
        #expect(tracked.hasFinished == status.isTerminal)
        #expect(tracked.hasFinished == [.completed, .failed, .cancelled].contains(status))
    }

    /// The same for job types.
    @Test func typesMapInAnyCase() {
        let known: [(String, JobType)] = [("parse", .parse), ("extract", .extract), ("classify", .classify)]
        for (word, type) in known {
            #expect(JobType(raw: word) == type)
            #expect(JobType(raw: word.uppercased()) == type)
        }
        #expect(JobType(raw: "pArSe") == .parse)
        #expect(JobType(raw: "Split") == .other("Split"))
    }

    /// A listed job takes the known version's status and type when the page spells them as they are spelled, and
    /// parses the words otherwise: every pair of a known version's status and type and a page's words gives what
    /// parsing the page's words alone gives.
    @Test func listedJobsParseWhatTheKnownVersionDoesNotSpell() {
        let statusWords = ["running", "RUNNING", "completed", "canceled", "cancelled", "Cancelled", "paused", ""]
        let typeWords = ["parse", "PARSE", "extract", "classify", "Classify", "summarise"]
        for knownStatus in statusWords {
            for knownType in typeWords {
                let known = Job(wire: wireJob("bjb-1", status: knownStatus, type: knownType), known: nil)
                for status in statusWords {
                    for type in typeWords {
                        let page = wireJob("bjb-1", status: status, type: type)
                        let listed = Job(wire: page, known: known)
                        #expect(listed.status == JobStatus(raw: status), "\(knownStatus) → \(status)")
                        #expect(listed.type == JobType(raw: type), "\(knownType) → \(type)")
                        #expect(listed == Job(wire: page), "\(knownStatus)/\(knownType) → \(status)/\(type)")
                    }
                }
            }
        }
    }
}
