import ArgumentParser
import KurentoIDL

/// The `kidlc` command: one subcommand type per subcommand.
struct Kidlc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kidlc",
        abstract: "Compile Kurento Module Descriptor files (*.kmd.json).",
        discussion: """
            Exit status: 0 success, 1 problems in the input, 2 usage errors.

            Examples:
              kidlc check idl/demo -I idl
              kidlc check plugin/src/server/interface -I /usr/share/kurento/modules --warnings-as-errors
              kidlc dump idl/demo -I idl > demo.json
              kidlc generate idl/demo -I idl --target swift-server --output Generated/demo --dry-run
              kidlc diff old/demo idl/demo -I idl --format markdown --fail-on breaking
              kidlc explain KIDL410
              kidlc init ChromaKey --extends Filter --kidl-path ../kidl
            """,
        version: KidlVersion.current,
        subcommands: [Check.self, Dump.self, Generate.self, Diff.self, Explain.self, Init.self]
    )
}

/// Where to find the modules to process and the modules they import.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Kmd files, or folders searched recursively for *.kmd.json.", valueName: "path"))
    var paths: [String]

    @Option(name: [.customShort("I"), .customLong("import-path")],
            help: ArgumentHelp("A file or folder holding imported modules (repeatable); searched in order.", valueName: "dir"))
    var importPaths: [String] = []

    @Flag(name: .customLong("warnings-as-errors"), help: "Treat warnings as errors.")
    var warningsAsErrors = false

    @Flag(help: "Print how long each stage of the front end took (to standard error).")
    var timing = false

    /// Runs the front end and prints its diagnostics; the schema is returned when there are no errors.
    func load() throws -> Schema {
        try Self.load(paths: paths, importPaths: importPaths, warningsAsErrors: warningsAsErrors, timing: timing)
    }

    /// The same for commands whose inputs may also come from elsewhere (`generate` reads `kidlc.yaml`).
    static func load(paths: [String], importPaths: [String], warningsAsErrors: Bool, timing: Bool) throws -> Schema {
        let result = Frontend(inputs: paths, searchPaths: importPaths).run()
        if timing { DiagnosticPrinter.printTimings(result.timings) }
        let failed = DiagnosticPrinter.print(result.diagnostics, warningsAsErrors: warningsAsErrors,
                                            modules: result.schema?.inputModules ?? [])
        guard !failed, let schema = result.schema else { throw ExitCode(1) }
        return schema
    }
}
