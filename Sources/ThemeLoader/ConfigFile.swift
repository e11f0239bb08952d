import FoundationEssentials

/// `config.toml`: the settings it gives and the problems found in it. Bad entries are dropped (the other layers
/// decide those settings) and reported with their line; an API key is refused.
public struct ConfigFile: Sendable, Equatable {
    /// The settings the file gives.
    public var values: SettingValues
    /// What was wrong, in line order.
    public var problems: [ConfigProblem]

    /// Creates a parsed file.
    public init(values: SettingValues = SettingValues(), problems: [ConfigProblem] = []) {
        self.values = values
        self.problems = problems
    }

    /// Interval bounds, the same as `--interval`'s.
    public static let intervalRange: ClosedRange<Double> = 0.2...3600

    /// Reads the file at `path`. A missing file is no problem unless it was named explicitly (`--config`).
    public static func load(path: String, explicit: Bool) -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else {
            guard explicit else { return ConfigFile() }
            return ConfigFile(problems: [ConfigProblem(
                diagnostic: ConfigDiagnostic(file: path, line: nil, message: "no such config file"), ignoresFile: true)])
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return ConfigFile(problems: [ConfigProblem(
                diagnostic: ConfigDiagnostic(file: path, line: nil, message: "cannot read the config file as UTF-8 text"),
                ignoresFile: true)])
        }
        return parse(text, fileName: path)
    }

    /// Parses the text of a config file; `fileName` names it in diagnostics.
    public static func parse(_ text: String, fileName: String) -> ConfigFile {
        let root: [String: TOMLNode]
        do {
            root = try TOMLDocument.parse(text)
        } catch {
            let diagnostic = ConfigDiagnostic(
                file: fileName, line: error.line,
                message: "not valid TOML: \(error.message) (column \(error.column)); the whole file is ignored")
            return ConfigFile(problems: [ConfigProblem(diagnostic: diagnostic, ignoresFile: true)])
        }
        let index = KeyLineIndex(text: text)
        var file = ConfigFile()
        func report(_ key: String, _ message: String, setting: SettingKey? = nil) {
            file.problems.append(ConfigProblem(
                diagnostic: ConfigDiagnostic(file: fileName, line: index.line(of: [key]), message: message), key: setting))
        }
        for (key, node) in root.sorted(by: { $0.key < $1.key }) {
            guard let setting = SettingKey(rawValue: key) else {
                if isAPIKey(key) {
                    report(key, "'\(key)' is refused: an API key does not belong in the config file; "
                        + "use --api-key-file PATH or $LLAMA_CLOUD_API_KEY (this entry is ignored)")
                } else {
                    let hint = Suggestion.hint(for: key, among: SettingKey.allCases.map(\.key))
                    report(key, "unknown key '\(key)'\(hint); ignored")
                }
                continue
            }
            switch ConfigValueReader.read(node, for: setting, into: &file.values) {
            case .success: break
            case .failure(let error): report(key, error.message, setting: setting)
            }
        }
        file.problems = file.problems.enumerated()
            .sorted { ($0.element.diagnostic.line ?? 0, $0.offset) < ($1.element.diagnostic.line ?? 0, $1.offset) }
            .map(\.element)
        return file
    }

    /// `api_key`, `apikey`, `llama_cloud_api_key`, `api-key`, `token` …: anything that looks like a secret.
    static func isAPIKey(_ key: String) -> Bool {
        let squeezed = key.lowercased().filter { $0.isLetter }
        return squeezed.contains("apikey") || squeezed == "key" || squeezed.hasSuffix("token") || squeezed.contains("secret")
    }
}
