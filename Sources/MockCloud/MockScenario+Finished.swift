import FoundationEssentials
import LlamaCloud

extension MockScenario {
    /// `count` jobs that all completed about two hours before `now` and never change (for measuring an idle
    /// dashboard): a `fixed` scenario, so every answer is the same whenever it is asked.
    public static func finished(jobs count: Int, now: Date = Date()) -> MockScenario {
        var rng = SplitMix64(seed: 0xF1_15_4E_D0)
        let project = "proj-" + rng.uuidString()
        let directory = "dir-" + rng.uuidString()
        let jobs = (0..<max(0, count)).map { index -> BatchJob in
            let total = 20 + (index * 37) % 400
            let created = now.addingTimeInterval(-7200 - Double(index) * 60)
            let started = created.addingTimeInterval(5)
            let completed = started.addingTimeInterval(Double(total))
            let uuid = rng.uuidString()
            // A record and a workflow ID on every job, as the other scenarios send them (see `JobPlan.jobRecordID`).
            return BatchJob(
                id: "bjb-" + uuid, jobType: ScenarioPlans.jobTypes[index % ScenarioPlans.jobTypes.count],
                projectID: project, status: "completed", totalItems: total, processedItems: total,
                failedItems: index % 3, skippedItems: index % 2, createdAt: created, startedAt: started,
                updatedAt: completed, completedAt: completed, effectiveAt: created, directoryID: directory,
                jobRecordID: "rec-" + uuid, workflowID: "wf-" + uuid)
        }
        return .fixed(jobs: jobs, items: [:])
    }
}
