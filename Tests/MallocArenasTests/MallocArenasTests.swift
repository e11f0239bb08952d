import CMallocArenas
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `batchtop` limits glibc's malloc to one arena first thing in `main` (see `MallocArenas` in the executable): with
/// one arena per thread, 100,000 running jobs kept 8 arenas' worth of free space (steady:100000, 120 s: peak RSS
/// 163.5 MB with the default arenas, 146.4 MB with one).
@Suite("Malloc arenas")
struct MallocArenasTests {
    #if canImport(Glibc)
    @Test("on glibc the limit is applied (mallopt reports success)")
    func limitIsApplied() {
        // The C file once tested __GLIBC__ before including any libc header, so it compiled to `return 0`. (It also
        // returns 0 when MALLOC_ARENA_MAX is set, which leaves the user's choice alone.)
        let userSetIt = getenv("MALLOC_ARENA_MAX") != nil
        #expect(batchtop_limit_malloc_arenas(8) == (userSetIt ? 0 : 1))
    }
    #endif
}
