import FoundationEssentials

/// The fields of a job that many jobs share: its type, project, directory and API (immutable, held by reference).
///
/// A project's jobs usually come from a handful of directories and three types, so the poller keeps one context for
/// all the jobs that have the same four (`JobContextInterner`) and each job's `JobIdentity` holds a reference to it.
final class JobContext: Sendable, Hashable {
    /// Kind of processing.
    let type: JobType
    /// Owning project.
    let projectID: String
    /// Directory being processed.
    let directoryID: String?
    /// The API the job came from.
    let api: JobAPI

    /// A context holding these four.
    init(type: JobType, projectID: String, directoryID: String?, api: JobAPI) {
        self.type = type
        self.projectID = projectID
        self.directoryID = directoryID
        self.api = api
    }

    /// True when this context holds exactly these values (compared without building another context).
    func holds(type: JobType, api: JobAPI, projectID: String, directoryID: String?) -> Bool {
        self.type == type && self.api == api && self.projectID == projectID && self.directoryID == directoryID
    }

    /// Equal when the four are equal (one object is equal without looking).
    static func == (lhs: JobContext, rhs: JobContext) -> Bool {
        lhs === rhs || lhs.holds(type: rhs.type, api: rhs.api, projectID: rhs.projectID, directoryID: rhs.directoryID)
    }

    /// Hashes the four.
    func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(projectID)
        hasher.combine(directoryID)
        hasher.combine(api)
    }
}
