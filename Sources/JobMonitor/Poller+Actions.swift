import FoundationEssentials
import LlamaCloud

/// On-demand calls the UI asks for (a job's files, cancelling a job): the poller stays the only network client.
extension Poller {
    /// One page of a job's files, optionally only those with `status`; the error is a message without the key.
    public func items(jobID: String, offset: Int, limit: Int = 50, status: String? = nil) async -> Result<FileItemPage, ActionFailure> {
        if isBatch(jobID) { return await batchFiles(jobID: jobID, offset: offset, limit: limit, status: status) }
        do throws(BatchAPIError) {
            let page = try await api.jobItems(id: jobID, query: ItemListQuery(limit: limit, offset: offset, status: status))
            return .success(FileItemPage(items: page.items.map(FileItem.init(wire:)), totalSize: page.totalSize, offset: offset))
        } catch {
            return .failure(ActionFailure(message: error.description))
        }
    }

    /// A beta job's record and workflow IDs from its status call, which the poller does not keep from list pages
    /// (see `JobRecordIDs`); nil for a v2 batch or when the call fails. The detail view asks when it opens, in a call
    /// of its own, so a slow or retried status call never holds up the job's files.
    public func recordIDs(jobID: String) async -> JobRecordIDs? {
        guard !isBatch(jobID), case .success(let response) = await Self.status(of: jobID, from: api) else { return nil }
        return JobRecordIDs(jobRecordID: response.job.jobRecordID, workflowID: response.job.workflowID)
    }

    /// Asks the server to cancel a job and polls right after; returns the server's message or the error.
    public func cancel(jobID: String, reason: String? = "cancelled from batchtop") async -> Result<String, ActionFailure> {
        if isBatch(jobID) { return await cancelBatch(jobID: jobID) }
        do throws(BatchAPIError) {
            let response = try await api.cancelJob(id: jobID, reason: reason)
            refresh()
            let message = response.message.isEmpty ? "cancel requested" : response.message
            return .success("\(message) (\(response.status), \(response.processedItems) items processed)")
        } catch {
            return .failure(ActionFailure(message: error.description))
        }
    }
}

/// Why an on-demand call failed: a one-line message that never contains the API key.
public struct ActionFailure: Error, Sendable, Equatable {
    /// The message.
    public var message: String

    /// Creates a failure.
    public init(message: String) { self.message = message }
}
