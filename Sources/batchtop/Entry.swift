/// The program's entry point: `batchtop mock-server …` runs the mock backend, anything else the dashboard.
/// (Dispatched by hand because the dashboard's positional job IDs would otherwise swallow the subcommand name.)
@main
enum Entry {
    static func main() async {
        MallocTuning.apply()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "mock-server" {
            await MockServerCommand.main(Array(arguments.dropFirst()))
        } else {
            await BatchtopCommand.main(arguments)
        }
    }
}
