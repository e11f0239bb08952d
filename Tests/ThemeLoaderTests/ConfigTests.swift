import Testing
import ThemeLoader

/// `config.toml` and the precedence of settings: flags > environment > config file > defaults.
@Suite("Configuration")
struct ConfigTests {
    static let defaults = Settings.defaults(baseURL: "https://api.example")

    @Test("flags beat the environment, which beats the file, which beats the defaults")
    func precedence() {
        let flags = SettingValues(theme: "light", interval: 5)
        let environment = SettingValues.environment([
            "BATCHTOP_THEME": "solarized-dark", "LLAMA_CLOUD_BASE_URL": "https://env.example",
            "LLAMA_CLOUD_PROJECT_ID": "", "LLAMA_CLOUD_ORGANIZATION_ID": "org-env",
        ])
        let file = SettingValues(
            theme: "colorblind", interval: 10, baseURL: "https://file.example", projectID: "p-file",
            organizationID: "org-file", readOnly: true)
        let settings = Settings.resolve(flags: flags, environment: environment, file: file, defaults: Self.defaults)
        #expect(settings.theme == "light")
        #expect(settings.interval == 5)
        #expect(settings.baseURL == "https://env.example")
        #expect(settings.projectID == "p-file")  // the empty variable counts as unset
        #expect(settings.organizationID == "org-env")
        #expect(settings.readOnly == true)
        #expect(settings.mouse == true)
        #expect(settings.sources == [
            .theme: .flag, .interval: .flag, .baseURL: .environment, .projectID: .file, .organizationID: .environment,
            .readOnly: .file, .mouse: .defaultValue, .api: .defaultValue,
        ])
    }

    @Test("with nothing given, the defaults")
    func defaultsOnly() {
        let settings = Settings.resolve(flags: SettingValues(), environment: .environment([:]), file: SettingValues(), defaults: Self.defaults)
        #expect(settings.theme == "default")
        #expect(settings.interval == 2)
        #expect(settings.baseURL == "https://api.example")
        #expect(settings.projectID == nil)
        #expect(settings.readOnly == false)
        #expect(settings.mouse == true)
        #expect(settings.describe(.interval) == "2 s (default)")
    }

    @Test("a flag can switch a file setting off again (--no-read-only over read_only = true)")
    func flagOverridesFileBoolean() {
        let settings = Settings.resolve(
            flags: SettingValues(readOnly: false, mouse: true), environment: .environment([:]),
            file: SettingValues(readOnly: true, mouse: false), defaults: Self.defaults)
        #expect(settings.readOnly == false)
        #expect(settings.mouse == true)
    }

    @Test("a good config file gives every setting")
    func goodFile() {
        let file = ConfigFile.parse("""
            # batchtop settings
            theme = "light"
            interval = 0.5
            base_url = "https://eu.example"
            project_id = "p-1"
            organization_id = "o-1"
            read_only = true
            mouse = false
            """, fileName: "config.toml")
        #expect(file.problems == [])
        #expect(file.values == SettingValues(
            theme: "light", interval: 0.5, baseURL: "https://eu.example", projectID: "p-1", organizationID: "o-1",
            readOnly: true, mouse: false))
        #expect(ConfigFile.parse("interval = 3", fileName: "c").values.interval == 3)
    }

    @Test("bad entries are reported with their line and say what is used instead; good ones still count")
    func badEntries() {
        let file = ConfigFile.parse("""
            theme = "light"
            interval = "fast"
            read_only = "yes"
            intervall = 3
            api_key = "llx-secret"
            base_url = "ftp://x"
            mouse = false
            """, fileName: "config.toml")
        let settings = Settings.resolve(
            flags: SettingValues(), environment: .environment([:]), file: file.values, defaults: Self.defaults)
        let messages = file.problems.map { $0.message(using: settings) }
        #expect(messages == [
            "config.toml:2: 'interval' must be a number of seconds, not \"fast\"; using interval 2 s (default)",
            "config.toml:3: 'read_only' must be true or false, not \"yes\"; using read_only false (default)",
            "config.toml:4: unknown key 'intervall' (did you mean 'interval'?); ignored",
            "config.toml:5: 'api_key' is refused: an API key does not belong in the config file; "
                + "use --api-key-file PATH or $LLAMA_CLOUD_API_KEY (this entry is ignored)",
            "config.toml:6: 'base_url' must be an http:// or https:// URL, not \"ftp://x\"; "
                + "using base_url https://api.example (default)",
        ], "\(messages)")
        #expect(settings.theme == "light")
        #expect(settings.mouse == false)
        #expect(!messages.joined().contains("llx-secret"))
    }

    @Test("the status line's short form keeps only the file name")
    func shortForm() {
        let file = ConfigFile.parse("mouse = 1", fileName: "/home/u/.config/batchtop/config.toml")
        let settings = Settings.resolve(flags: SettingValues(), environment: .environment([:]), file: file.values, defaults: Self.defaults)
        #expect(file.problems.first?.message(using: settings, short: true)
            == "config.toml:1: 'mouse' must be true or false, not 1; using mouse true (default)")
        #expect(file.problems.first?.message(using: settings).hasPrefix("/home/u/.config/batchtop/config.toml:1: ") == true)
    }

    @Test("an out-of-range interval is refused like --interval")
    func intervalRange() {
        let file = ConfigFile.parse("\n\ninterval = 0", fileName: "c.toml")
        #expect(file.values.interval == nil)
        #expect(file.problems.map(\.diagnostic.description) == ["c.toml:3: 'interval' must be between 0.2 and 3600 seconds, not 0"])
    }

    @Test("a file that is not TOML is ignored whole, with its line, and the message lists what is used")
    func notTOML() {
        let file = ConfigFile.parse("theme = \"light\"\ninterval = \n", fileName: "config.toml")
        #expect(file.values == SettingValues())
        #expect(file.problems.count == 1)
        let problem = file.problems.first
        #expect(problem?.diagnostic.line == 2)
        #expect(problem?.ignoresFile == true)
        let settings = Settings.resolve(
            flags: SettingValues(interval: 4), environment: .environment([:]), file: file.values, defaults: Self.defaults)
        let message = problem?.message(using: settings) ?? ""
        #expect(message.hasPrefix("config.toml:2: not valid TOML: "))
        #expect(message.contains("the whole file is ignored; using theme 'default' (default), interval 4 s (command line), "))
    }

    @Test("config paths follow XDG_CONFIG_HOME, else ~/.config")
    func paths() {
        #expect(ConfigPaths.configFile(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/batchtop/config.toml")
        #expect(ConfigPaths.configFile(environment: ["HOME": "/h"]) == "/h/.config/batchtop/config.toml")
        #expect(ConfigPaths.configFile(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/batchtop/config.toml")
        #expect(ConfigPaths.themesDirectory(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/batchtop/themes")
        #expect(ConfigPaths.configFile(environment: [:]) == nil)
        #expect(ConfigPaths.expandingTilde("~/t.toml", environment: ["HOME": "/h"]) == "/h/t.toml")
    }

    @Test("a missing default config file is fine; a missing --config file is reported")
    func missingFile() {
        #expect(ConfigFile.load(path: "/nonexistent/batchtop/config.toml", explicit: false) == ConfigFile())
        let explicit = ConfigFile.load(path: "/nonexistent/c.toml", explicit: true)
        #expect(explicit.problems.map(\.diagnostic.description) == ["/nonexistent/c.toml: no such config file"])
    }
}
