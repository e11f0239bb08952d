import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import JobMonitor

/// What one job costs in memory: at 100,000 jobs every 16 bytes of a storage are 1.6 MB, 3.2 MB while a cycle in
/// which every job changed is published. Field order decides the padding (see `TrackedJobStorage.Fields`).
@Suite("Job storage layout")
struct StorageLayoutTests {
    @Test("a TrackedJob storage fits a 176-byte allocation (glibc: 16-byte object header plus 8 bytes of chunk size)")
    func storageFitsItsAllocation() {
        let object = 16 + MemoryLayout<TrackedJobStorage.Fields>.size
        #expect(object + 8 <= 176, "a storage now takes \(object) bytes: reorder or move a field")
    }

    @Test("no padding inside the metrics and the job beyond what their one-byte fields need")
    func denseParts() {
        #expect(MemoryLayout<JobMetrics>.size <= 40)
        #expect(MemoryLayout<Job>.size <= 90)
    }

    #if canImport(Glibc)
    @Test("a job's identity is a 64-byte allocation (ID, creation time, a shared context)")
    func identityFitsItsAllocation() {
        let job = Job(
            id: "bjb-9f0e8d7c-6b5a-4e3d-8c2b-1a0f9e8d7c6b", type: .parse, projectID: "prj-layout", status: .running,
            totalItems: 1, createdAt: Date(timeIntervalSinceReferenceDate: 1), directoryID: "dir-layout")
        let object = job.identityObject
        let more = (0..<64).map { index in
            Job(
                id: "bjb-9f0e8d7c-6b5a-4e3d-8c2b-1a0f9e8d7c\(index + 10)", type: .parse, projectID: "prj-layout",
                status: .running, totalItems: 1, createdAt: Date(timeIntervalSinceReferenceDate: 1),
                directoryID: "dir-layout")
        }
        guard let usable = Self.smallestUsableSize(of: [object] + more.map(\.identityObject)) else { return }
        #expect(usable <= 56, "an identity now takes a \(usable + 8)-byte allocation")
        // The ID is in that allocation, not a String of its own (a 96-byte allocation more for a 40-character ID).
        guard case .packed = job.jobID.storage else {
            Issue.record("the API's ID form is kept as text")
            return
        }
    }
    #endif

    #if canImport(Glibc)
    @Test("a vanished job's rarities are a 64-byte allocation (the outliers one reference further)")
    func raritiesFitTheirAllocation() {
        let objects = (0..<64).map { index in
            TrackedJobRarities(
                vanishedAt: Date(timeIntervalSinceReferenceDate: Double(index)), fetchError: "HTTP 500 \(index)",
                outliers: TrackedJobOutliers(highestProcessed: index, freshUntil: nil))
        }
        guard let usable = Self.smallestUsableSize(of: objects) else { return }
        #expect(usable <= 56, "rarities now take a \(usable + 8)-byte allocation")
    }

    /// The smallest `malloc_usable_size` (glibc's, not in the Glibc module: the chunk less its 8-byte header, 56 for a
    /// 64-byte chunk) over `objects`; nil, with an issue recorded, when the symbol is missing. The smallest, not one:
    /// malloc may hand out a larger free chunk than asked for when splitting it would leave less than a minimum chunk
    /// (a 64-byte request served from a free 80-byte chunk), so one allocation's size depends on what earlier tests
    /// freed; once the free chunks that fit are used up, the rest come from the top of the heap at their exact size.
    private static func smallestUsableSize(of objects: [AnyObject]) -> Int? {
        typealias UsableSize = @convention(c) (UnsafeMutableRawPointer?) -> Int
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_usable_size") else {
            Issue.record("malloc_usable_size not found")
            return nil
        }
        let usableSize = unsafeBitCast(symbol, to: UsableSize.self)
        return withExtendedLifetime(objects) {
            objects.map { usableSize(Unmanaged.passUnretained($0).toOpaque()) }.min() ?? .max
        }
    }
    #endif

    @Test("a job's extras fit a 96-byte allocation (a v2 batch's facts are one reference further)")
    func extrasFitTheirAllocation() {
        let object = 16 + MemoryLayout<JobExtras.Fields>.size
        #expect(object + 8 <= 96, "extras now take \(object) bytes")
        // The facts still read back whole, and equal facts in separate boxes are equal extras.
        let facts = BatchFacts(configurationType: "parse_v2", configurationID: "cfg-1", filesTotal: 9, done: 4)
        var left = Job(id: "bch-1", type: .parse, status: .running, totalItems: 9)
        var right = left
        left.batch = facts
        right.batch = facts
        #expect(left.batch == facts && left == right)
        right.batch?.done = 5
        #expect(left != right && right.batch?.done == 5 && left.batch?.done == 4)
    }

    @Test("a job's history box fits a 112-byte allocation (object header, the history, the store's reference)")
    func historyBoxFitsItsAllocation() {
        let object = 16 + MemoryLayout<ProgressHistory>.size + MemoryLayout<NSLock>.size
        #expect(object + 8 <= 112, "a history box now takes \(object) bytes")
    }
}
