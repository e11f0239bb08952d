/// Keeps one `JobContext` for all the jobs with the same type, project, directory and API, so that 100,000 jobs of
/// one project hold a few contexts between them, not 100,000 equal ones. Bounded: it starts over past `limit`
/// contexts. The strings of a new context are interned too, so contexts that share a project share its ID string.
struct JobContextInterner: Sendable {
    /// Most contexts kept.
    var limit = 10_000
    private var contexts: Set<JobContext> = []
    /// The context interned last: jobs of one directory tend to come in a row, compared without hashing.
    private var last: JobContext?
    private var projectIDs = StringInterner()
    private var directoryIDs = StringInterner()

    /// The kept context equal to `context` (kept now, with interned strings, if new).
    mutating func intern(_ context: JobContext) -> JobContext {
        if let last, last == context { return last }
        if let index = contexts.firstIndex(of: context) {
            last = contexts[index]
            return contexts[index]
        }
        if contexts.count >= limit { contexts = [] }
        let kept = JobContext(
            type: context.type, projectID: projectIDs.intern(context.projectID),
            directoryID: context.directoryID.map { directoryIDs.intern($0) }, api: context.api)
        contexts.insert(kept)
        last = kept
        return kept
    }
}
