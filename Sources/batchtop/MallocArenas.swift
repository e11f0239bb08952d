import CMallocArenas

/// Limits glibc's malloc to one arena for the whole process.
///
/// By default glibc gives each thread that allocates concurrently an arena of its own (up to 8 per core), and
/// memory freed in one arena is reused only by allocations in that arena. The poller decodes and merges on the
/// cooperative pool's threads, the HTTP client reads on its event-loop thread and the screen is drawn on the main
/// actor's, so a large project's job storage ended up spread over several arenas, each keeping its own peak:
/// steady:100000, release, 60 s: 310 MB resident with the default arenas, 231 MB with one (the heap itself peaks
/// at 174 MB). Allocation is not the bottleneck of any of those threads, so the shared arena's lock costs nothing
/// measurable (see the README's Performance section).
///
/// Until the C side included a libc header before testing `__GLIBC__`, the call did nothing and the dashboard ran
/// with 8 arenas (`malloc_info`); with the limit applied, steady:100000 peaks at 146 MB instead of 164 (120 s).
/// A `MALLOC_ARENA_MAX` set in the environment is left as it is.
enum MallocArenas {
    /// Applies the limit; call it first thing in `main`, before other threads allocate.
    static func limitToOne() {
        _ = batchtop_limit_malloc_arenas(1)
    }
}
