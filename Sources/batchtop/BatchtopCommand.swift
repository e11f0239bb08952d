import ArgumentParser
import Foundation
import JobMonitor
import LlamaCloud

/// `batchtop`: the full-screen dashboard (or one printed snapshot) for LlamaCloud batch-processing jobs.
struct BatchtopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batchtop",
        abstract: "A live terminal dashboard for LlamaCloud batch-processing jobs.",
        discussion: """
            With no JOB_ID, discovers the project's jobs through the list call. The API key is read from \
            --api-key-file, else $LLAMA_CLOUD_API_KEY, else $LLAMA_PARSE_API_KEY (never from a command-line value).
            Keys: ↑/↓ or j/k move, Enter details, / filter, s/S sort, c cancel, p pause, r refresh, ? help, q quit.
            `batchtop mock-server --help` describes the embedded mock backend.
            """
    )

    @Argument(help: ArgumentHelp("Jobs to watch (e.g. bjb-…). With none, the project's jobs are discovered.", valueName: "job-id"))
    var jobIDs: [String] = []

    @Flag(help: "Run against the embedded mock backend (no key, no network).")
    var demo = false

    @Option(help: "API base URL (default $LLAMA_CLOUD_BASE_URL, else \(APIConfiguration.defaultBaseURL)).")
    var baseURL: String?

    @Option(help: "Project to scope every call to (default $LLAMA_CLOUD_PROJECT_ID).")
    var projectID: String?

    @Option(help: "Organization to scope every call to (default $LLAMA_CLOUD_ORGANIZATION_ID).")
    var organizationID: String?

    @Option(help: "Read the API key from this file instead of the environment.")
    var apiKeyFile: String?

    @Option(help: "Discovery filter: only jobs with this status (repeatable).")
    var status: [String] = []

    @Option(help: "Discovery filter: only jobs of this type: parse, extract, classify (repeatable).")
    var jobType: [String] = []

    @Option(help: "Discovery filter: only jobs over this directory.")
    var directoryID: String?

    @Option(help: "Seconds between polls.")
    var interval: Double = 2

    @Option(help: "Seconds before a request is abandoned.")
    var timeout: Double = 30

    @Flag(help: "Draw with ASCII only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(help: "No colour (also $NO_COLOR); bold, reverse and underline still mark statuses.")
    var noColor = false

    @Flag(help: "No cancel action.")
    var readOnly = false

    @Flag(help: "Do not capture the mouse (clicks select, the wheel scrolls when it is captured).")
    var noMouse = false

    @Flag(help: "Print one snapshot to standard output and exit, without the full screen.")
    var once = false

    @Option(help: "Output of --once: table or json.")
    var format: OutputFormat = .table

    /// Checks the options that ArgumentParser cannot check by type.
    func validate() throws {
        guard interval.isFinite, interval >= 0.2, interval <= 3600 else {
            throw ValidationError("--interval must be between 0.2 and 3600 seconds (got \(interval))")
        }
        guard timeout.isFinite, timeout >= 1, timeout <= 600 else {
            throw ValidationError("--timeout must be between 1 and 600 seconds (got \(timeout))")
        }
        if demo, apiKeyFile != nil || baseURL != nil {
            throw ValidationError("--demo runs its own backend: drop --base-url and --api-key-file")
        }
        for id in jobIDs where id.isEmpty || id.count > 200 || id.contains(where: { $0.isWhitespace || $0 == "/" }) {
            throw ValidationError("'\(id)' is not a job ID")
        }
    }

    /// Resolves the configuration, then runs the dashboard or prints one snapshot.
    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var demoServer: DemoBackend?
        let api: APIConfiguration
        if demo {
            let backend = try await DemoBackend.start()
            demoServer = backend
            api = APIConfiguration(baseURL: backend.baseURL, apiKey: backend.apiKey, timeout: timeout)
        } else {
            let key: String
            do {
                key = try Credentials.apiKey(file: apiKeyFile, environment: environment)
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(2)
            }
            api = APIConfiguration(
                baseURL: baseURL ?? environment["LLAMA_CLOUD_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
                    ?? APIConfiguration.defaultBaseURL,
                apiKey: key,
                organizationID: organizationID ?? environment["LLAMA_CLOUD_ORGANIZATION_ID"].flatMap { $0.isEmpty ? nil : $0 },
                projectID: projectID ?? environment["LLAMA_CLOUD_PROJECT_ID"].flatMap { $0.isEmpty ? nil : $0 },
                timeout: timeout)
            if let problem = api.validationError() {
                FileHandle.standardError.write(Data("batchtop: \(problem)\n".utf8))
                throw ExitCode(2)
            }
        }
        let client = HTTPBatchClient(configuration: api)
        let poller = Poller(
            api: client,
            configuration: PollerConfiguration(
                jobIDs: jobIDs, interval: interval, statuses: status, jobTypes: jobType, directoryID: directoryID))
        let source = demo ? "demo \(api.baseURL)" : sourceLabel(api)
        let exitCode: Int32
        if once {
            exitCode = await OnceReport.run(poller: poller, format: format, source: source, forceASCII: ascii)
        } else {
            let noColor = self.noColor || !(environment["NO_COLOR"] ?? "").isEmpty
            exitCode = await DashboardApp.run(
                poller: poller, source: source, interval: interval, forceASCII: ascii, noColor: noColor,
                readOnly: readOnly, mouse: !noMouse)
        }
        await client.shutdown()
        await demoServer?.stop()
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    private func sourceLabel(_ api: APIConfiguration) -> String {
        let host = URLComponents(string: api.baseURL)?.host ?? api.baseURL
        return api.projectID.map { "\(host) project \($0)" } ?? host
    }
}

/// Output format of `--once`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}
