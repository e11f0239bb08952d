import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// `Job` keeps the fields that stay the same while a job runs (ID, type, project, directory, API, creation time) in
/// one shared `JobIdentity`: a new version of a job whose counts moved shares it, and a change to any of those fields
/// makes a new one without touching other copies.
@Suite("Job identity")
struct JobIdentityTests {
    private func sample(id: String = "bjb-identity-0001", project: String = "prj-long-project-identifier") -> Job {
        Job(
            id: id, type: .extract, projectID: project, status: .running, totalItems: 10, processedItems: 3,
            createdAt: Date(timeIntervalSinceReferenceDate: 100), directoryID: "dir-long-directory-identifier")
    }

    @Test("setting an identity field changes that copy only, and equality compares values, not sharing")
    func valueSemantics() {
        let original = sample()
        var changed = original
        #expect(changed.sharesIdentity(with: original))
        changed.projectID = "prj-other"
        changed.type = .parse
        changed.directoryID = nil
        changed.api = .v2
        changed.createdAt = nil
        #expect(original.projectID == "prj-long-project-identifier")
        #expect(original.type == .extract)
        #expect(original.directoryID == "dir-long-directory-identifier")
        #expect(original.api == .v1)
        #expect(original.createdAt == Date(timeIntervalSinceReferenceDate: 100))
        #expect(changed.projectID == "prj-other" && changed.type == .parse && changed.directoryID == nil)
        #expect(changed.api == .v2 && changed.createdAt == nil)
        #expect(changed != original)
        // Equal values in separate identities are equal jobs; a different value in any identity field is not.
        let twin = sample()
        #expect(!twin.sharesIdentity(with: original))
        #expect(twin == original)
        #expect(sample(id: "bjb-identity-0002") != original)
    }

    @Test("shareIdentity adopts the other job's identity only when every identity field is equal")
    func sharing() {
        let known = sample()
        var same = sample()
        same.processedItems = 7
        let adopted = same.shareIdentity(with: known)
        #expect(adopted)
        #expect(same.sharesIdentity(with: known))
        #expect(same.processedItems == 7 && same.id == known.id)
        var moved = sample(project: "prj-moved")
        let movedAdopted = moved.shareIdentity(with: known)
        #expect(!movedAdopted)
        #expect(!moved.sharesIdentity(with: known))
        #expect(moved.projectID == "prj-moved")
    }

    @Test("the poller's versions of a running job share one identity; a changed project makes a new one")
    func pollerSharesIdentity() async {
        let clock = ManualNow()
        var jobs = fleet(3)
        let api = FakeBatchAPI(jobs: jobs)
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: { clock.date })
        let first = await poller.pollOnce()
        clock.advance(2)
        jobs[0].processedItems = (jobs[0].processedItems ?? 0) + 1
        jobs[1].projectID = "prj-moved-elsewhere"
        api.setJobs(jobs)
        let second = await poller.pollOnce()
        func job(_ snapshot: Snapshot, _ id: String) -> Job? { snapshot.jobs.first { $0.id == id }?.job }
        guard let before0 = job(first, jobs[0].id), let after0 = job(second, jobs[0].id),
            let before1 = job(first, jobs[1].id), let after1 = job(second, jobs[1].id)
        else {
            Issue.record("a job is missing from a snapshot")
            return
        }
        #expect(after0.processedItems == before0.processedItems.map { $0 + 1 })
        #expect(after0.sharesIdentity(with: before0))
        #expect(!after1.sharesIdentity(with: before1))
        #expect(after1.projectID == "prj-moved-elsewhere")
        #expect(after1.id == before1.id)
        // Jobs of one type, project and directory hold one context; the moved job holds another.
        guard let other = job(second, jobs[2].id) else {
            Issue.record("a job is missing from a snapshot")
            return
        }
        #expect(after0.sharesContext(with: other))
        #expect(before0.sharesContext(with: other))
        #expect(!after1.sharesContext(with: other))
    }

    @Test("the context interner keeps one context per type, project, directory and API, with interned strings")
    func contextInterner() {
        var interner = JobContextInterner()
        func context(_ type: JobType, _ project: String, _ directory: String?, _ api: JobAPI = .v1) -> JobContext {
            // Built from new strings each time (not literals, which would be one object already).
            JobContext(type: type, projectID: String(project.reversed().reversed()), directoryID: directory, api: api)
        }
        let first = interner.intern(context(.parse, "prj-a-long-project-identifier", "dir-one"))
        let again = interner.intern(context(.parse, "prj-a-long-project-identifier", "dir-one"))
        #expect(first === again)
        let otherDirectory = interner.intern(context(.parse, "prj-a-long-project-identifier", "dir-two"))
        let otherType = interner.intern(context(.extract, "prj-a-long-project-identifier", "dir-one"))
        let otherAPI = interner.intern(context(.parse, "prj-a-long-project-identifier", "dir-one", .v2))
        let noDirectory = interner.intern(context(.parse, "prj-a-long-project-identifier", nil))
        let distinct = [first, otherDirectory, otherType, otherAPI, noDirectory]
        for (index, one) in distinct.enumerated() {
            for other in distinct[(index + 1)...] { #expect(one !== other && one != other) }
        }
        // Not the last one interned: found by hashing.
        #expect(interner.intern(context(.extract, "prj-a-long-project-identifier", "dir-one")) === otherType)
        #expect(interner.intern(context(.parse, "prj-a-long-project-identifier", "dir-one")) === first)
        // Contexts that share a project share its string's storage.
        #expect(first.projectID.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
            == otherType.projectID.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
    }

    @Test("past its limit the context interner starts over, still returning equal contexts")
    func contextInternerLimit() {
        var interner = JobContextInterner()
        interner.limit = 3
        let kept = (0..<3).map { interner.intern(JobContext(type: .parse, projectID: "p\($0)", directoryID: nil, api: .v1)) }
        let fourth = interner.intern(JobContext(type: .parse, projectID: "p3", directoryID: nil, api: .v1))
        #expect(fourth.projectID == "p3")
        // Started over: an equal context is a new object, and equal to the one kept before.
        let again = interner.intern(JobContext(type: .parse, projectID: "p0", directoryID: nil, api: .v1))
        #expect(again !== kept[0] && again == kept[0])
    }
}
