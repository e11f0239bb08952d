import Foundation
import Testing

@testable import JobMonitor

/// What one job costs in memory: at 100,000 jobs every 16 bytes of a storage are 1.6 MB, 3.2 MB while a cycle in
/// which every job changed is published. Field order decides the padding (see `TrackedJobStorage.Fields`).
@Suite("Job storage layout")
struct StorageLayoutTests {
    @Test("a TrackedJob storage fits a 192-byte allocation (glibc: 16-byte object header plus 8 bytes of chunk size)")
    func storageFitsItsAllocation() {
        let object = 16 + MemoryLayout<TrackedJobStorage.Fields>.size
        #expect(object + 8 <= 192, "a storage now takes \(object) bytes: reorder or move a field")
    }

    @Test("no padding inside the metrics and the job beyond what their one-byte fields need")
    func denseParts() {
        #expect(MemoryLayout<JobMetrics>.size <= 40)
        #expect(MemoryLayout<Job>.size <= 90)
    }

    @Test("a job's history box fits a 144-byte allocation (object header, the history, the store's reference)")
    func historyBoxFitsItsAllocation() {
        let object = 16 + MemoryLayout<ProgressHistory>.size + MemoryLayout<NSLock>.size
        #expect(object + 8 <= 144, "a history box now takes \(object) bytes")
    }
}
