import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real terminal for end-to-end tests: a detached tmux session on a private server socket.
final class TmuxSession {
    /// What a test's command runs after the program: the pane stays, so that the test can still read the last screen
    /// and the exit code. Ten minutes, not one: on two cores under a full `swift test` a test reached its first capture
    /// more than 60 s after starting its session, found the pane gone and an empty screen. Each test kills its
    /// session when it ends.
    static let holdPane = "sleep 600"
    /// Prints the program's exit status as `EXIT:<code>`, then holds the pane (`holdPane`).
    static let reportExitAndHold = "echo \"EXIT:$?\"; " + holdPane

    /// True when a tmux binary is on the PATH.
    static var isAvailable: Bool { Shell.which("tmux") != nil }

    let socket: String
    let name = "e2e"

    /// Starts `command` (run by sh) in a new session of the given size.
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "batchtop-test-\(UUID().uuidString.prefix(8))"
        var arguments = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        // The tmux server daemonises and would inherit a pipe, so its output goes to /dev/null.
        guard let tmux = Shell.which("tmux") else { throw Shell.Failure(description: "tmux not found on PATH") }
        let result = try Shell.execute(tmux, arguments, captureOutput: false)
        guard result.status == 0 else { throw Shell.Failure(description: "tmux new-session exited \(result.status)") }
    }

    deinit {
        _ = try? Shell.run("tmux", ["-L", socket, "kill-server"])
    }

    /// The visible screen as text (with SGR escapes when `escapes`).
    func capture(escapes: Bool = false) -> String {
        (try? Shell.run("tmux", ["-L", socket, "capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))) ?? ""
    }

    /// The screen with up to `history` lines of scrollback above it, as text.
    func capture(history: Int) -> String {
        (try? Shell.run("tmux", ["-L", socket, "capture-pane", "-p", "-t", name, "-S", "-\(history)"])) ?? ""
    }

    /// Appends everything the program in the pane writes to the terminal, escape sequences included, to `path`.
    func pipeOutput(to path: String) throws {
        try Shell.run("tmux", ["-L", socket, "pipe-pane", "-O", "-t", name, "cat >> '\(path)'"])
    }

    /// Ends the tmux server now, closing the pane's terminal under whatever runs in it.
    func kill() {
        _ = try? Shell.run("tmux", ["-L", socket, "kill-server"])
    }

    /// Types keys (tmux key names such as `q`, `Down`, `C-c`).
    func send(_ keys: String...) throws {
        try Shell.run("tmux", ["-L", socket, "send-keys", "-t", name] + keys)
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    func display(_ format: String) -> String {
        ((try? Shell.run("tmux", ["-L", socket, "display-message", "-p", "-t", name, format])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds or the deadline passes; returns the last screen seen.
    @discardableResult
    func waitFor(
        seconds: TimeInterval = 20, escapes: Bool = false, _ condition: (String) -> Bool
    ) async throws -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = capture(escapes: escapes)
        while !condition(screen) {
            if Date() > deadline { return (false, screen) }
            try await Task.sleep(for: .milliseconds(100))
            screen = capture(escapes: escapes)
        }
        return (true, screen)
    }
}

/// Polls a file until its text satisfies `condition` or `seconds` pass; returns the last text read ("" if none).
func waitForFile(_ path: String, seconds: TimeInterval, until condition: (String) -> Bool) async throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    while !condition(text), Date() < deadline {
        try await Task.sleep(for: .milliseconds(50))
        text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
    return text
}

/// Runs programs for the tests.
enum Shell {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a program found on the PATH and returns its standard output; throws on a non-zero exit.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        guard let path = which(program) else { throw Failure(description: "\(program) not found on PATH") }
        let result = try execute(path, arguments)
        guard result.status == 0 else {
            throw Failure(description: "\(program) \(arguments.joined(separator: " ")) exited \(result.status): \(result.error)")
        }
        return result.output
    }

    /// Runs an executable and collects its exit status, standard output and standard error. Uses posix_spawn and
    /// waitpid with output in temporary files: Foundation's Process can miss the exit of a client whose daemon child
    /// (the tmux server) lives on, and a pipe inherited by that daemon would never reach end-of-file.
    static func execute(
        _ path: String, _ arguments: [String], environment: [String: String]? = nil, captureOutput: Bool = true
    ) throws -> (status: Int32, output: String, error: String) {
        let directory = FileManager.default.temporaryDirectory
        let outputPath = captureOutput ? directory.appendingPathComponent("batchtop-out-\(UUID().uuidString)").path : "/dev/null"
        let errorPath = captureOutput ? directory.appendingPathComponent("batchtop-err-\(UUID().uuidString)").path : "/dev/null"
        defer {
            if captureOutput {
                try? FileManager.default.removeItem(atPath: outputPath)
                try? FileManager.default.removeItem(atPath: errorPath)
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else is inherited. SwiftNIO opens its sockets without close-on-exec, and the mock servers other
        // tests run in this process would otherwise live on in every tmux server started here (each holds its pane
        // for minutes): a stopped server's port stayed listening, so a restart on that port found it in use and a
        // connection to it was accepted by the kernel and never answered.
        if let closeFrom = closeFromAction { _ = closeFrom(&actions, 3) }
        let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environmentList.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The calling thread (a Swift concurrency worker) blocks most signals, and a spawned program inherits that
        // mask: a tmux server started with SIGTERM blocked ignores kill-server and outlives the test. Start clean.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot start \(path): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waitpid failed for \(path)") }
        }
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = captureOutput ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : ""
        let error = captureOutput ? (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" : ""
        return (exitStatus, output, error)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc module does not
    /// declare; nil where the C library lacks it.
    private static let closeFromAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(
            symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// The full path of a program on the PATH.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Where the built `batchtop` executable is: next to the test bundle.
enum Product {
    static var batchtop: String {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let sibling = bundleDirectory.appendingPathComponent("batchtop").path
        if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
        for url in [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            let candidate = url.appendingPathComponent("batchtop").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return sibling
    }
}
