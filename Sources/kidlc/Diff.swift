import ArgumentParser
import Foundation
import KurentoIDL

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report the API changes between two versions of modules, and whom they break.",
        discussion: """
            OLD and NEW are each a kmd file or a folder searched recursively for *.kmd.json; their modules are \
            matched by name. Imported modules are searched in --old-import-path (for OLD) or --new-import-path \
            (for NEW) first, then in -I (for both). Each change is breaking for clients, breaking for implementers \
            of the generated Swift protocols, or compatible (README, "kidlc diff").

            Exit status: 0, or 1 with --fail-on when a change of that level exists; 1 for problems in the input, \
            2 for usage errors.
            """)

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        /// Never fail because of changes.
        case none
        /// Fail on changes that break clients.
        case breaking
        /// Fail on changes that break clients or implementers.
        case implementer
        /// Fail on any change.
        case any
    }

    @Argument(help: ArgumentHelp("The old version: a kmd file or a folder.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new version: a kmd file or a folder.", valueName: "new"))
    var new: String

    @Option(name: [.customShort("I"), .customLong("import-path")],
            help: ArgumentHelp("A file or folder of imported modules for both versions (repeatable).", valueName: "dir"))
    var importPaths: [String] = []

    @Option(name: .customLong("old-import-path"),
            help: ArgumentHelp("A file or folder of imported modules for OLD only, searched first (repeatable).", valueName: "dir"))
    var oldImportPaths: [String] = []

    @Option(name: .customLong("new-import-path"),
            help: ArgumentHelp("A file or folder of imported modules for NEW only, searched first (repeatable).", valueName: "dir"))
    var newImportPaths: [String] = []

    @Option(help: ArgumentHelp("text (default), markdown or json.", valueName: "format"))
    var format: APIDiffReport.Format = .text

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit with 1 when there is a change that is: breaking (for clients), implementer (breaking for clients or implementers), any; none (default) never.",
                               valueName: "level"))
    var failOn: FailOn = .none

    func run() throws {
        let before = try Self.load(old, importPaths: oldImportPaths + importPaths, side: "OLD")
        let after = try Self.load(new, importPaths: newImportPaths + importPaths, side: "NEW")
        let result = APIDiff.compare(old: before, new: after)
        FileHandle.standardOutput.write(Data(APIDiffReport.render(result, as: format).utf8))
        let fails = switch failOn {
        case .none: false
        case .breaking: result.breaksClients
        case .implementer: result.breaksClients || result.breaksImplementers
        case .any: !result.changes.isEmpty
        }
        if fails { throw ExitCode(1) }
    }

    /// One side, checked; its diagnostics are printed only when it has errors (then the run stops with 1).
    private static func load(_ path: String, importPaths: [String], side: String) throws -> Schema {
        let result = Frontend(inputs: [path], searchPaths: importPaths).run()
        if !result.hasErrors, let schema = result.schema { return schema }
        _ = DiagnosticPrinter.print(result.diagnostics, warningsAsErrors: false, modules: result.schema?.inputModules ?? [])
        FileHandle.standardError.write(Data("kidlc: diff: \(side) (\(path)) has errors\n".utf8))
        throw ExitCode(1)
    }
}

extension APIDiffReport.Format: ExpressibleByArgument {}
