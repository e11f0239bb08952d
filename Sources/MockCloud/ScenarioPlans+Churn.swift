import FoundationEssentials

/// The `churn` scenario: a project whose jobs keep coming and going.
extension ScenarioPlans {
    /// No churn job exists longer than this (pending ≤ 20 s, dispatched ≤ 5 s, running ≤ 240 s, kept ≤ 120 s after).
    static let churnLifetime: TimeInterval = 20 + 5 + 240 + 120

    /// Most plans a churn scenario holds (its simulated span shrinks as the job count grows).
    static let churnPlanBudget = 150_000

    /// About `count` jobs at every moment: jobs arrive evenly, wait 2–20 s, run 20 s – 4 min (10 % crash, 3 % are
    /// cancelled), and leave the listing 30 s – 2 min after finishing. Starts in the steady state (jobs already in
    /// every phase) and keeps churning for an hour, or less when that would take more than `churnPlanBudget` plans.
    static func churn(jobs count: Int, seed: UInt64) -> [JobPlan] {
        let population = max(1, count)
        var builder = Builder(seed: seed ^ 0xC4_0A_17)
        let meanLifetime = 11.0 + 1.0 + 130.0 + 75.0
        let arrivalsPerSecond = Double(population) / meanLifetime
        let span = max(600, min(3600, Double(churnPlanBudget) / arrivalsPerSecond - churnLifetime))
        let arrivals = Int((churnLifetime + span) * arrivalsPerSecond)
        var plans: [JobPlan] = []
        plans.reserveCapacity(arrivals)
        for index in 0..<arrivals {
            var draft = builder.draft(type: jobTypes[index % jobTypes.count])
            draft.appearsAt = -churnLifetime + Double(index) / arrivalsPerSecond
            draft.total = builder.rng.int(in: 10...400)
            draft.pending = builder.rng.double(in: 2...20)
            if builder.rng.chance(0.3) { draft.dispatched = builder.rng.double(in: 1...5) }
            let running = builder.rng.double(in: 20...240)
            draft.speed = Double(draft.total) / running
            let runStart = draft.appearsAt + draft.pending + draft.dispatched
            var end = runStart + running
            let fate = builder.rng.double(in: 0...1)
            if fate < 0.10 {
                let crashAt = max(1, Int(Double(draft.total) * builder.rng.double(in: 0.2...0.9)))
                draft.crash = JobCrash(atProcessed: crashAt, message: builder.rng.pick(crashMessages))
            } else if fate < 0.13 {
                draft.cancelAt = runStart + running * builder.rng.double(in: 0.2...0.8)
                end = draft.cancelAt ?? end
            }
            draft.vanishesAt = end + builder.rng.double(in: 30...120)
            plans.append(builder.plan(draft, failures: builder.rng.int(in: 0...3), skips: builder.rng.int(in: 0...3)))
        }
        return plans
    }
}
