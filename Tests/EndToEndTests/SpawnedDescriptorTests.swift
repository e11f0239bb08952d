import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("programs the tests start inherit no descriptors but the standard three")
struct SpawnedDescriptorTests {
    @Test("a descriptor open in the test process without close-on-exec is closed in the spawned program")
    func openDescriptorIsNotInherited() throws {
        // Like a SwiftNIO socket: open without O_CLOEXEC, so exec alone would pass it on.
        let descriptor = open("/dev/null", O_RDONLY)
        try #require(descriptor > 2)
        defer { close(descriptor) }
        let probe = "if [ -e /proc/$$/fd/\(descriptor) ]; then echo inherited; else echo closed; fi"
        let result = try Shell.execute("/bin/sh", ["-c", probe])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "closed", "\(result.output)")
        // The standard three are still there (stdout is the capture file).
        let standard = try Shell.execute("/bin/sh", ["-c", "[ -e /proc/$$/fd/1 ] && echo present"])
        #expect(standard.output.contains("present"))
    }
}
