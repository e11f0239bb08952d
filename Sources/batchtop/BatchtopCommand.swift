#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Dashboard
import FoundationEssentials
import TextTools
import RunLog
import JobMonitor
import LlamaCloud
import ThemeLoader

/// `batchtop`: the full-screen dashboard (or one printed snapshot) for LlamaCloud batch-processing jobs.
struct BatchtopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batchtop",
        abstract: "A live terminal dashboard for LlamaCloud batch-processing jobs.",
        discussion: """
            With no JOB_ID, discovers the project's jobs through the list call. The API key is read from \
            --api-key-file, else $LLAMA_CLOUD_API_KEY, else $LLAMA_PARSE_API_KEY (never from a command-line value).
            Keys: ↑/↓ or j/k move, Enter details, / filter, s/S sort, c cancel, p pause, r refresh, t theme, ? help, q quit.
            Settings come from flags, then the environment, then $XDG_CONFIG_HOME/batchtop/config.toml \
            (default ~/.config/batchtop/config.toml: theme, interval, base_url, project_id, organization_id, read_only, \
            mouse, api), then defaults.
            Reads both the beta batch-processing jobs (bjb-…) and the v2 batches (bat-…) by default (--api auto).
            `batchtop mock-server --help` describes the embedded mock backend.
            """
    )

    @Argument(help: ArgumentHelp("Jobs to watch (e.g. bjb-…). With none, the project's jobs are discovered.", valueName: "job-id"))
    var jobIDs: [String] = []

    @Flag(help: "Run against the embedded mock backend (no key, no network).")
    var demo = false

    @Option(help: "API base URL (default $LLAMA_CLOUD_BASE_URL, else base_url in the config file, else \(APIConfiguration.defaultBaseURL)).")
    var baseURL: String?

    @Option(help: "Project to scope every call to (default $LLAMA_CLOUD_PROJECT_ID).")
    var projectID: String?

    @Option(help: "Organization to scope every call to (default $LLAMA_CLOUD_ORGANIZATION_ID).")
    var organizationID: String?

    @Option(help: "Read the API key from this file instead of the environment (it must be readable by you only: chmod 600).")
    var apiKeyFile: String?

    @Flag(help: "Allow a plain http:// base URL that is not a loopback address (the key then crosses the network unencrypted).")
    var insecureHTTP = false

    @Option(help: ArgumentHelp(
        "Which API to read: auto (both, dropping one the server does not have), v1 (beta batch-processing jobs) or v2 (batches). Default: api in the config file, else auto.",
        valueName: "auto|v1|v2"))
    var api: APISelection?

    @Option(help: "Discovery filter: only jobs with this status (repeatable).")
    var status: [String] = []

    @Option(help: "Discovery filter: only jobs of this type: parse, extract, classify (repeatable).")
    var jobType: [String] = []

    @Option(help: "Discovery filter: only jobs over this directory.")
    var directoryID: String?

    @Option(help: ArgumentHelp(
        "Discovery filter: only jobs created at or after this time (YYYY-MM-DD or an ISO 8601 date-time; UTC when no zone).",
        valueName: "time"))
    var createdAfter: String?

    @Option(help: ArgumentHelp("Discovery filter: only jobs created at or before this time.", valueName: "time"))
    var createdBefore: String?

    @Option(help: "Seconds between polls (default: interval in the config file, else 2).")
    var interval: Double?

    @Option(help: "Seconds before a request is abandoned.")
    var timeout: Double = 30

    @Option(help: "Most API requests in flight at once.")
    var maxRequests: Int = 8

    @Flag(help: "Draw with ASCII only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Option(help: ArgumentHelp(
        "A shipped theme (\(BuiltinThemes.names.joined(separator: ", "))), a user theme NAME.toml in "
            + "$XDG_CONFIG_HOME/batchtop/themes, or a theme file (default $BATCHTOP_THEME, else theme in the config file).",
        valueName: "name|path"))
    var theme: String?

    @Option(help: ArgumentHelp("Read settings from this file instead of ~/.config/batchtop/config.toml.", valueName: "path"))
    var config: String?

    @Flag(help: "No colour (also $NO_COLOR): the monochrome theme; bold, reverse and underline still mark statuses.")
    var noColor = false

    @Flag(inversion: .prefixedNo, help: "No cancel action (default: read_only in the config file, else off).")
    var readOnly: Bool?

    @Flag(inversion: .prefixedNo, help: "Capture the mouse: clicks select, the wheel scrolls (default: mouse in the config file, else on).")
    var mouse: Bool?

    @Flag(help: "Print one snapshot to standard output and exit, without the full screen.")
    var once = false

    @Flag(help: ArgumentHelp(
        "Exit when every watched job has finished: 0 all completed, 1 any failed, 2 any cancelled and none failed, "
            + "3 --timeout-total reached, 4 key rejected, 5 a watched job not found or vanished, "
            + "6 --max-api-errors failed polls in a row. Without a terminal on standard output (or with --format "
            + "line|jsonl), prints one line per change instead of the full screen."))
    var untilDone = false

    @Option(help: "Output of --once: table (default) or json; of --until-done without the full screen: line or jsonl.")
    var format: OutputFormat?

    @Option(help: ArgumentHelp(
        "--until-done without the full screen: print a heartbeat line after this many seconds without output (0: none; default 60).",
        valueName: "seconds"))
    var heartbeat: Double?

    @Option(help: ArgumentHelp("--until-done: give up after this many seconds (exit 3).", valueName: "seconds"))
    var timeoutTotal: Double?

    @Option(
        name: .customLong("max-api-errors"),
        help: ArgumentHelp("--until-done: give up after N failed polls in a row (exit 6; default: never).", valueName: "n"))
    var maxAPIErrors: Int?

    @Option(help: "Append requests (method, path, status, duration), retries, state changes and errors to this file, one line each (never the key); rotated to PATH.1 at 5 MiB.")
    var logFile: String?

    @Flag(help: "When a job finishes, also ring the bell and send a desktop notification (OSC 9 and OSC 777); without it, only jobs watched by ID are announced, in the status line.")
    var notify = false

    @Flag(help: "--until-done: exit 1 as soon as one job fails, without waiting for the others.")
    var failFast = false

    @Flag(help: "--until-done: a finished job with failed items counts as failed (exit 1).")
    var failOnItems = false

    /// Checks the options that ArgumentParser cannot check by type.
    func validate() throws {
        for (flag, value) in [("--created-after", createdAfter), ("--created-before", createdBefore)] {
            if let value, Self.time(value) == nil {
                throw ValidationError("\(flag) must be a date (2026-11-30) or an ISO 8601 date-time (2026-11-30T08:00:00Z), not '\(value)'")
            }
        }
        if let interval, !(interval.isFinite && ConfigFile.intervalRange.contains(interval)) {
            throw ValidationError("--interval must be between 0.2 and 3600 seconds (got \(interval))")
        }
        guard timeout.isFinite, timeout >= 1, timeout <= 600 else {
            throw ValidationError("--timeout must be between 1 and 600 seconds (got \(timeout))")
        }
        guard (1...64).contains(maxRequests) else {
            throw ValidationError("--max-requests must be between 1 and 64 (got \(maxRequests))")
        }
        if demo, apiKeyFile != nil || baseURL != nil {
            throw ValidationError("--demo runs its own backend: drop --base-url and --api-key-file")
        }
        try validateOutputOptions()
        for id in jobIDs where id.isEmpty || id.count > 200 || id.contains(where: { $0.isWhitespace || $0 == "/" }) {
            throw ValidationError("'\(id)' is not a job ID")
        }
    }

    /// Checks that `--format` and the `--until-done` options fit the chosen mode.
    private func validateOutputOptions() throws {
        if once, untilDone {
            throw ValidationError("--once and --until-done exclude each other: --once prints one snapshot, --until-done waits")
        }
        switch format {
        case .line?, .jsonl?:
            guard untilDone else {
                throw ValidationError("--format \(format?.rawValue ?? "") needs --until-done (for one snapshot use --once --format json)")
            }
        case .json?, .table?:
            guard once else {
                throw ValidationError("--format \(format?.rawValue ?? "") needs --once (with --until-done use --format line or jsonl)")
            }
        case nil:
            break
        }
        if let heartbeat, !(heartbeat.isFinite && heartbeat >= 0 && heartbeat <= 86_400) {
            throw ValidationError("--heartbeat must be between 0 (no heartbeat) and 86400 seconds (got \(heartbeat))")
        }
        if let timeoutTotal, !(timeoutTotal.isFinite && timeoutTotal > 0) {
            throw ValidationError("--timeout-total must be a positive number of seconds, e.g. --timeout-total 600 (got \(timeoutTotal))")
        }
        if let maxAPIErrors, maxAPIErrors < 1 {
            throw ValidationError("--max-api-errors must be at least 1 (got \(maxAPIErrors))")
        }
        let watchOnly = [
            ("--heartbeat", heartbeat != nil), ("--timeout-total", timeoutTotal != nil),
            ("--max-api-errors", maxAPIErrors != nil), ("--fail-fast", failFast), ("--fail-on-items", failOnItems),
        ]
        if !untilDone, let offending = watchOnly.first(where: { $0.1 }) {
            throw ValidationError("\(offending.0) needs --until-done")
        }
    }

    /// The `--until-done` options as a policy.
    private var untilDonePolicy: UntilDonePolicy {
        UntilDonePolicy(failFast: failFast, failOnItems: failOnItems, maxAPIErrors: maxAPIErrors, timeoutTotal: timeoutTotal)
    }

    /// True when `--until-done` runs without the full screen: `--format line|jsonl`, or standard output is no terminal.
    private var isHeadless: Bool {
        guard untilDone else { return false }
        switch format {
        case .line?, .jsonl?: return true
        case .json?, .table?: return false
        case nil: return isatty(STDOUT_FILENO) == 0
        }
    }

    /// Resolves the configuration, then runs the dashboard or prints one snapshot.
    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let flags = SettingValues(
            theme: theme, interval: interval, baseURL: baseURL, projectID: projectID, organizationID: organizationID,
            readOnly: readOnly, mouse: mouse, api: api?.rawValue)
        let launch = LaunchSettings.resolve(flags: flags, configPath: config, environment: environment)
        launch.messages.forEach(Self.printError)
        let settings = launch.settings
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
                TextOutput.standardError(error.description + "\n")
                throw ExitCode(2)
            }
            api = APIConfiguration(
                baseURL: settings.baseURL, apiKey: key, organizationID: settings.organizationID,
                projectID: settings.projectID, timeout: timeout)
            if let problem = api.validationError(allowingPlainHTTP: insecureHTTP) {
                TextOutput.standardError("batchtop: \(problem)\n")
                throw ExitCode(2)
            }
            if api.sendsKeyInClearText {
                Self.printError("batchtop: warning: --insecure-http: the API key is sent unencrypted to \(sourceLabel(api))")
            }
        }
        var log: LogFile?
        if let logFile {
            do {
                log = try LogFile(path: logFile)
            } catch {
                Self.printError(error.description)
                throw ExitCode(2)
            }
            log?.write("start \(demo ? "demo" : sourceLabel(api)), interval \(settings.interval)s")
        }
        let client = HTTPBatchClient(configuration: api, recorder: log)
        let beta = RetryingBatchAPI(client, recorder: log)
        var pollerConfiguration = PollerConfiguration(
            jobIDs: jobIDs, interval: settings.interval, statuses: status, jobTypes: jobType, directoryID: directoryID,
            maxConcurrentRequests: maxRequests)
        pollerConfiguration.apiSelection = APISelection(rawValue: settings.api) ?? .auto
        pollerConfiguration.createdAfter = createdAfter.flatMap(Self.time)
        pollerConfiguration.createdBefore = createdBefore.flatMap(Self.time)
        // One snapshot must be complete: settle every finished batch in the one cycle.
        if once { pollerConfiguration.finishedBatchesPerCycle = .max }
        let poller = Poller(
            api: beta, batches: RetryingBatchesAPI(client, sharingWith: beta), configuration: pollerConfiguration)
        let source = demo ? "demo \(api.baseURL)" : sourceLabel(api)
        let exitCode: Int32
        if once {
            exitCode = await OnceReport.run(poller: poller, format: format ?? .table, source: source, forceASCII: ascii)
        } else if isHeadless {
            exitCode = await HeadlessWatch.run(
                poller: poller, format: format == .jsonl ? .jsonl : .line, policy: untilDonePolicy, heartbeat: heartbeat ?? 60,
                log: log)
        } else {
            let noColor = self.noColor || !(environment["NO_COLOR"] ?? "").isEmpty
            let catalog = ThemeCatalog.standard(environment: environment)
            let start = catalog.load(settings.theme)
            let themeMessages = start.diagnostics.map { "batchtop: \($0)" }
            themeMessages.forEach(Self.printError)
            exitCode = await DashboardApp.run(
                poller: poller, source: source, interval: settings.interval, forceASCII: ascii, noColor: noColor,
                readOnly: settings.readOnly, mouse: settings.mouse,
                themes: ThemeCycle(start: start, catalog: catalog),
                notices: launch.notices + start.diagnostics.map(\.shortDescription), untilDone: untilDone ? untilDonePolicy : nil,
                alerts: AlertSettings(statusLine: !jobIDs.isEmpty || notify, notify: notify), log: log)
        }
        await client.shutdown()
        await demoServer?.stop()
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// A `--created-after`/`--created-before` value: a date (midnight UTC) or an ISO 8601 date-time.
    static func time(_ text: String) -> Date? {
        let trimmed = text.trimmingWhitespace()
        return ISO8601Timestamp.parse(trimmed.count == 10 ? trimmed + "T00:00:00Z" : trimmed)
    }

    private static func printError(_ message: String) {
        TextOutput.standardError(message + "\n")
    }

    private func sourceLabel(_ api: APIConfiguration) -> String {
        let host = URLComponents(string: api.baseURL)?.host ?? api.baseURL
        return api.projectID.map { "\(host) project \($0)" } ?? host
    }
}

/// Output format of `--once` (table, json) and of `--until-done` without the full screen (line, jsonl).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case line
    case jsonl
}
