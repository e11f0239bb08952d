import FoundationEssentials

/// When a snapshot is published.
///
/// The rule: a cycle's snapshot is published when
/// 1. it is the first one, follows a `refresh()` or an unpause (the user wants to see the result), or
/// 2. its content differs from the last published snapshot's, **ignoring timestamps that move every cycle**: each
///    job's `fetchedAt` (only whether it was ever fetched counts), `freshUntil`, the snapshot's `takenAt` and
///    `cycle`, and the health's `lastSuccess`; of the derived metrics only the stall flag counts (rate and ETA
///    change only with job data; elapsed times are refreshed by the next published snapshot). Job data, `fetchError`, vanishing, order, and the rest of the health
///    (state, last error, consecutive failures, next retry) all count, so a job crossing into staleness through a
///    failed fetch and every change of health are published; or
/// 3. the freshness vouched for in the last published snapshot would run out before the next cycle can publish
///    (a keep-alive, at most every `freshWindow` seconds while active jobs do not change).
///
/// Staleness in the UI still works: after a clean cycle, every unfinished job that was fetched fine carries
/// `freshUntil = takenAt + freshWindow`, and `TrackedJob.isStale` counts such a job fresh until then, whatever its
/// `fetchedAt`. If polling fails, the failure is published (rule 2) without the vouch, so ages count from the last
/// good fetch; if the poller stops or hangs, the vouch runs out and the ages show. An idle dashboard (nothing
/// changes, no active job) gets no snapshot at all.
extension Poller {
    /// How long a clean cycle vouches for the freshness of unchanged data, in seconds.
    var freshWindow: TimeInterval { max(15, 3 * configuration.interval) }

    /// The snapshot of the current state; with `vouching`, fresh unfinished jobs carry `freshUntil`.
    ///
    /// Incremental: the jobs of the last snapshot are reused (shared storage), and only the jobs written since, or
    /// unfinished (their elapsed time, rate, stall and history move with time, and their vouch is renewed), are
    /// redone. The job list is rebuilt from `order` only when the order changed (jobs added or dropped).
    ///
    /// `duringListing`: a snapshot of the jobs loaded so far while the first listing pages in (`publishLoading`). The
    /// jobs it redoes are marked refreshed early, as `publishProgress` marks its own, and the next snapshots of the
    /// cycle (loading or the cycle's own) take them as they are unless written again: each job loaded is refreshed
    /// once, where every loading snapshot (one every 0.25 s) used to copy every unfinished job loaded before it.
    func makeSnapshot(vouching: Bool, duringListing: Bool = false) -> Snapshot {
        // The samples of the jobs stored since the last snapshot are recorded (partly on a second thread): their
        // metrics read them.
        metricsTracker.finishRecording()
        let takenAt = now()
        let vouch = vouching ? takenAt.addingTimeInterval(freshWindow) : nil
        var changed = false
        var vouched = false
        // One copy of the tracker for the whole snapshot: one retain of its store, not one per job.
        let tracker = metricsTracker
        if orderChanged || published.jobs.count != order.count {
            var jobs = JobList()
            jobs.reserveCapacity(order.count)
            var tally = AggregateTally()
            var positions = [Int32](repeating: -1, count: tracked.capacity)
            changed = published.jobs.count != order.count
            // Each job's last version is read (and kept or replaced): asked for ahead (`prefetchReplaced`).
            let replacedLead = 8
            for ahead in order.prefix(replacedLead) { prefetchReplaced(slot: Int(ahead)) }
            for (index, entry) in order.enumerated() {
                if index + replacedLead < order.count { prefetchReplaced(slot: Int(order[index + replacedLead])) }
                let slot = Int(entry)
                // The slot's previous position, if it held this job then (a freed slot may hold another job now).
                let previousPosition = published.position(ofJobIn: slot, of: tracked)
                let previous = previousPosition.map { published.jobs[$0] }
                let job: TrackedJob
                // Finished and not written since, or refreshed for a snapshot published while the listing paged in.
                if let previous, !tracked.isWritten(slot),
                    !tracked.isUnfinished(slot) || tracked.isRefreshedEarly(slot)
                {
                    job = previous
                    vouched = vouched || job.freshUntil != nil
                } else if let refreshed = refreshed(slot, vouch: vouch, at: takenAt, tracker: tracker) {
                    job = refreshed
                    vouched = vouched || job.freshUntil != nil
                    if duringListing { tracked.markRefreshedEarly(slot) }
                    changed = changed || previous.map { !Self.sameContent($0, job) } ?? true
                } else {
                    continue
                }
                if positions[slot] < 0 { positions[slot] = Int32(jobs.count) }
                changed = changed || previousPosition != jobs.count
                tally.add(job)
                jobs.append(job)
            }
            published.replaceAll(with: jobs, tally: tally)
            published.positions = positions
            orderChanged = false
            tracked.noteOrderChanged()
        } else {
            // Finished jobs written since (those in the snapshot), then the unfinished ones except those refreshed
            // for a snapshot published while the listing paged in and not written since (taken as they are). A loop,
            // not `filter`: the closure, isolated to the poller, checked the executor at each call.
            var redoneFinished: [Int] = []
            for slot in tracked.writtenSlots where !tracked.isUnfinished(slot) {
                if published.position(ofSlot: slot) != nil { redoneFinished.append(slot) }
            }
            var redone: [Int] = []
            for slot in tracked.unfinishedSlots where !tracked.isRefreshedEarly(slot) || tracked.isWritten(slot) {
                if published.position(ofSlot: slot) != nil { redone.append(slot) }
            }
            // Refreshed and compared with the versions they replace on two threads first (`refreshForPlacing`; the
            // finished jobs do not count for the vouch), then put in place.
            let all = redoneFinished + redone
            let placing = refreshForPlacing(
                all, vouch: vouch, at: takenAt, tracker: tracker, vouchFrom: redoneFinished.count, checksID: false)
            changed = changed || placing.total.changed
            vouched = vouched || placing.total.vouched
            published.replace(
                at: placing.positions, tallyChange: placing.total.tallyChange, sent: lastSentJobs,
                ahead: { tracked.prefetchReferenceCount(inSlot: all[$0]) }
            ) { tracked[slot: all[$0]] }
            if duringListing {
                for (index, slot) in redone.enumerated() where placing.positions[redoneFinished.count + index] >= 0 {
                    tracked.markRefreshedEarly(slot)
                }
            }
        }
        tracked.clearWritten()
        if changed { published.contentVersion += 1 }
        if duringListing {
            if vouched { published.earlyVouch = [vouch, published.earlyVouch].compactMap { $0 }.min() }
        } else {
            tracked.clearRefreshedEarly()
            published.vouchedUntil = [vouched ? vouch : nil, published.earlyVouch].compactMap { $0 }.min()
            published.earlyVouch = nil
        }
        var snapshot = Snapshot(
            jobs: published.jobs, health: health, takenAt: takenAt, interval: configuration.interval, cycle: cycle)
        snapshot.keep(summary: published.tally.metrics)
        snapshot.liveAPIs = JobAPI.allCases.filter { presence[$0] == .live }
        snapshot.rowOrderVersion = tracked.orderKeysVersion
        return snapshot
    }

    /// Publishes the jobs stored so far by a listing still paging in, once they are a large share of all jobs
    /// (`PollerConfiguration.progressivePublishShare`): the screen then lets go of their old versions now, not when
    /// the cycle ends, so a cycle in which every job changed never holds two versions of all of them. Each is
    /// refreshed as the cycle's snapshot would (metrics as of now, vouched for if fresh: it was just fetched fine),
    /// in the table itself, and left as it is by the cycle's snapshot unless written again. Only while the display
    /// order stands (new jobs take their places when the listing completes) and after the first listing (which
    /// publishes as it loads, `publishLoading`). Published only when their content changed (the rule above).
    func publishProgress() {
        let written = tracked.writtenSlots.count
        guard written >= configuration.progressivePublishMinimum,
            Double(written) >= configuration.progressivePublishShare * Double(tracked.count),
            !orderChanged, published.jobs.count == order.count
        else { return }
        metricsTracker.finishRecording()
        let takenAt = now()
        let vouch = takenAt.addingTimeInterval(freshWindow)
        let tracker = metricsTracker
        // The jobs in the last snapshot's slots. A slot freed and taken by a new job since is refreshed too, and left
        // out (the ID tells, `refreshForPlacing`): the cycle's snapshot places it.
        var slots: [Int] = []
        slots.reserveCapacity(tracked.writtenSlots.count)
        for slot in tracked.writtenSlots where published.position(ofSlot: slot) != nil { slots.append(slot) }
        // Refreshed and compared with the versions they replace on two threads first (`refreshForPlacing`), then put
        // in place.
        let placing = refreshForPlacing(slots, vouch: vouch, at: takenAt, tracker: tracker, checksID: true)
        let changed = placing.total.changed
        let vouched = placing.total.vouched
        published.replace(
            at: placing.positions, tallyChange: placing.total.tallyChange, sent: lastSentJobs,
            ahead: { tracked.prefetchReferenceCount(inSlot: slots[$0]) }
        ) { tracked[slot: slots[$0]] }
        for (index, slot) in slots.enumerated() where placing.positions[index] >= 0 { tracked.markRefreshedEarly(slot) }
        tracked.clearWritten()
        if vouched, published.earlyVouch == nil { published.earlyVouch = vouch }
        // Running jobs are stored at every listing (their fetch time moves); with nothing else changed the publication
        // rule publishes nothing, and neither does this.
        guard changed else { return }
        published.contentVersion += 1
        var snapshot = Snapshot(
            jobs: published.jobs, health: health, takenAt: takenAt, interval: configuration.interval, cycle: cycle)
        snapshot.keep(summary: published.tally.metrics)
        snapshot.liveAPIs = JobAPI.allCases.filter { presence[$0] == .live }
        snapshot.rowOrderVersion = tracked.orderKeysVersion
        publication.progressCount += 1
        publication.forceNext = true
        send(snapshot)
    }

    /// Asks for the last snapshot's version of the job in `slot` to be brought into the cache, without waiting: a
    /// snapshot that rebuilds its list reads it (its ID, its content to compare) and keeps it or lets go of it for the
    /// new version, and at 100,000 jobs it is no longer cached from the last cycle (perf, `time-poll 100000`: the
    /// loads of the old version were half the time of `publishProgress` itself, when it read them on the actor).
    @inline(__always)
    private func prefetchReplaced(slot: Int) {
        if let position = published.position(ofSlot: slot) { published.jobs.prefetchJob(at: position) }
        tracked.prefetchJob(inSlot: slot)
    }

    /// The job in this slot as a snapshot shows it: metrics as of `date`, vouched for until `vouch` if fresh.
    /// Changed in the table itself, so the table and the snapshot share the job's storage (a copy out of the table
    /// would leave every running job with two storages, one per holder).
    private func refreshed(_ slot: Int, vouch: Date?, at date: Date, tracker: MetricsTracker) -> TrackedJob? {
        // The closure runs inside an access to `tracked`, which is not checked dynamically: it must not touch `self`.
        tracked.refresh(slot: slot, refreshing(vouch: vouch, at: date, tracker: tracker))
    }

    /// Refreshes the jobs in `slots` (what `refreshing` does) on two threads (`JobTable.refreshAll`) and works out
    /// there, for each, the position it takes in the last snapshot's list (`published`) and what putting it there
    /// changes: whether its content differs from the version it replaces (`sameContent`), its share of the totals less
    /// that version's, and whether it is vouched for (counted from index `vouchFrom` on). With `checksID`, a job takes
    /// its slot's position only if the job there has its ID (the slot may have been freed and taken by a new job).
    /// Reads `published` and writes only the jobs refreshed: the caller puts them in place
    /// (`PublishedJobs.replace(at:tallyChange:sent:ahead:_:)`).
    func refreshForPlacing(
        _ slots: [Int], vouch: Date?, at date: Date, tracker: MetricsTracker, vouchFrom: Int = 0, checksID: Bool
    ) -> SnapshotPlacing {
        let refresh = refreshing(vouch: vouch, at: date, tracker: tracker)
        // Read on both threads while neither is written: the loop returns before the caller writes either.
        let previous = published.jobs
        let positions = published.positions
        var placed = [Int32](repeating: -1, count: slots.count)
        let blocks = placed.withUnsafeMutableBufferPointer { placed in
            // Each index is written by the one thread that claims it.
            nonisolated(unsafe) let placed = placed
            return tracked.refreshAll(
                slots, minimumShared: configuration.sharedWorkMinimum, outcome: SnapshotPlacing.Block()
            ) { job, history, index, block in
                refresh(&job, history)
                // The version the job `lead` indices on replaces is asked for ahead: at 100,000 jobs it is not cached.
                let lead = 8
                if index + lead < slots.count, slots[index + lead] < positions.count {
                    previous.prefetchJob(at: Int(positions[slots[index + lead]]))
                }
                let slot = slots[index]
                guard slot < positions.count, positions[slot] >= 0 else { return }
                let position = Int(positions[slot])
                let old = previous[position]
                guard !checksID || old.jobID == job.jobID else { return }
                if index >= vouchFrom, job.freshUntil != nil { block.vouched = true }
                if !block.changed, !Self.sameContent(old, job) { block.changed = true }
                block.tallyChange.replace(old, with: job)
                placed[index] = Int32(position)
            }
        }
        return SnapshotPlacing(positions: placed, blocks: blocks)
    }

    /// What `refreshed` does to a job and its history box, for `JobTable.refresh(slot:_:)` and `refreshAll`: touches
    /// nothing of the poller (it runs inside an access to `tracked`, on either thread of `refreshAll`).
    private func refreshing(
        vouch: Date?, at date: Date, tracker: MetricsTracker
    ) -> @Sendable (inout TrackedJob, HistoryBox?) -> Void {
        let interval = configuration.interval
        return { job, history in
            // The table caches the box `record` returned for every job it stored (`Poller.store`). Read without the
            // boxes' lock (`byRecorder`): the poller's samples are all recorded (`finishRecording`), and nothing
            // writes a history until the refresh is over.
            job.renew(vouch: vouch) { stored in
                tracker.metrics(
                    forJobAt: stored, at: date, pollInterval: interval, cached: history, cacheIsComplete: true,
                    byRecorder: true)
            }
        }
    }

    /// True when two versions of a job hold the same content for the publication rule (timestamps that move every
    /// cycle aside).
    static func sameContent(_ old: TrackedJob, _ new: TrackedJob) -> Bool {
        old.sharesStorage(with: new)
            || (old.job == new.job && old.fetchError == new.fetchError && old.isVanished == new.isVanished
                && (old.fetchedAt != nil) == (new.fetchedAt != nil) && old.metrics.isStalled == new.metrics.isStalled)
    }

    /// Publishes `snapshot` if the rule above says so; returns whether it did.
    @discardableResult
    func publishIfChanged(_ snapshot: Snapshot, force: Bool) -> Bool {
        let signature = SnapshotSignature(
            contentVersion: published.contentVersion, health: snapshot.health, liveAPIs: snapshot.liveAPIs,
            idleInterval: snapshot.idleInterval)
        let horizon = snapshot.takenAt.addingTimeInterval((nextWait ?? 0) + configuration.interval)
        let vouchRunsOut = publication.vouchedUntil.map { $0 < horizon } ?? false
        guard force || publication.forceNext || publication.signature != signature || vouchRunsOut else { return false }
        publication.signature = signature
        publication.vouchedUntil = published.vouchedUntil
        publication.forceNext = false
        publication.count += 1
        send(snapshot)
        return true
    }

    /// Yields `snapshot` on the stream. The jobs of the snapshot yielded before it go to `BackgroundRelease`: if the run
    /// loop never took that snapshot, the stream lets go of it here, and its old job versions would be freed on the
    /// actor, in the middle of the listing (~11 ms a cycle at 100,000 changed jobs).
    func send(_ snapshot: Snapshot) {
        let before = lastSentJobs
        lastSentJobs = snapshot.jobs
        continuation.yield(snapshot)
        BackgroundRelease.drop(before)
    }

    /// Publishes a snapshot of the jobs loaded so far while the first listing is still paging in, at most once per
    /// `loadingPublishInterval`; it says how many jobs arrived and how many the server announced.
    func publishLoading(_ progress: LoadingProgress) {
        guard (progress.total ?? 0) >= configuration.loadingPublishMinimum else { return }
        let clock = ContinuousClock()
        let started = lastLoadingPublication ?? clock.now
        guard started.duration(to: clock.now) >= .seconds(configuration.loadingPublishInterval) else { return }
        lastLoadingPublication = clock.now
        // Vouched for like the cycle's own (each job was just fetched fine), since the cycle's snapshot keeps them.
        var snapshot = makeSnapshot(vouching: true, duringListing: true)
        snapshot.loading = progress
        publication.loadingCount += 1
        publication.forceNext = true
        send(snapshot)
    }
}

/// What the poller published last.
struct PublicationState: Sendable {
    /// The last published snapshot's content, without moving timestamps.
    var signature: SnapshotSignature?
    /// The earliest `freshUntil` in the last published snapshot.
    var vouchedUntil: Date?
    /// Publish the next snapshot whatever it holds (first snapshot, after an unpause).
    var forceNext = true
    /// Snapshots of complete cycles published so far.
    var count = 0
    /// Snapshots published while the first listing paged in.
    var loadingCount = 0
    /// Snapshots published while a later listing paged in (`Poller.publishProgress`).
    var progressCount = 0
}

/// A snapshot's content without the timestamps that move every cycle (see the rule in `Poller+Publishing.swift`):
/// the version of its jobs' content, which the poller bumps when a job's data, error, vanishing, ever-fetched or
/// stall flag changes or the order changes, and the health without `lastSuccess`.
struct SnapshotSignature: Sendable, Equatable {
    let contentVersion: Int
    let health: APIHealth
    let liveAPIs: [JobAPI]
    let idleInterval: TimeInterval?

    init(contentVersion: Int, health: APIHealth, liveAPIs: [JobAPI], idleInterval: TimeInterval?) {
        self.contentVersion = contentVersion
        var health = health
        health.lastSuccess = nil
        self.health = health
        self.liveAPIs = liveAPIs
        self.idleInterval = idleInterval
    }
}
