import ArgumentParser
import Foundation
import KurentoIDL
import KurentoIDLCodegen

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate code for modules into an output folder.",
        discussion: """
            Settings come from flags, then from a configuration file (--config, or kidlc.yaml in the working \
            directory if there is one; relative paths in it are relative to its folder), then from defaults.

            Only files whose bytes change are written, each atomically; starter files (--target swift-impl-starter) \
            are written only when absent. A summary line goes to standard error. The output folder keeps a \
            .kidlc-manifest of the files generated there, which --clean uses to delete what is no longer generated. \
            If anything fails before writing, the output folder is left as it was.
            """)

    @Argument(help: ArgumentHelp("Kmd files, or folders searched recursively for *.kmd.json (or 'inputs' in the configuration file).",
                                 valueName: "path"))
    var paths: [String] = []

    @Option(name: [.customShort("I"), .customLong("import-path")],
            help: ArgumentHelp("A file or folder holding imported modules (repeatable); searched in order.", valueName: "dir"))
    var importPaths: [String] = []

    @Option(name: .customLong("target"),
            help: ArgumentHelp("What to generate (repeatable): \(GenerationTarget.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "target"))
    var targets: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The output folder (created if missing).", valueName: "dir"))
    var output: String?

    @Option(help: ArgumentHelp("Access level of generated declarations: public (default), package or internal.",
                               valueName: "level"))
    var access: String?

    @Option(help: ArgumentHelp("A folder of templates that override the built-in ones (<target>/<name>.mustache).",
                               valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("The configuration file (default: kidlc.yaml in the working directory, if present).",
                               valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Read no configuration file, not even kidlc.yaml in the working directory.")
    var noConfig = false

    @Option(name: .customLong("swift-module"),
            help: ArgumentHelp("The Swift module holding the generated code of a kmd module (repeatable).",
                               valueName: "kmd=swift"))
    var swiftModules: [String] = []

    @Option(name: .customLong("fallback-import-path"),
            help: ArgumentHelp("A file or folder of imported modules searched after every import path of the flags or the configuration file (repeatable; the SwiftPM plugins pass the platform modules this way).",
                               valueName: "dir"))
    var fallbackImportPaths: [String] = []

    @Option(help: ArgumentHelp("How Swift files are named: per-module (default) or fixed (KidlServerTypes.swift, …, KidlClientModule.swift, always all ten; swift-server and swift-client only).",
                               valueName: "layout"))
    var layout: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be written, removed or kept; write nothing.")
    var dryRun = false

    @Flag(help: "Print each file with its status (new, changed, unchanged, kept, removed, stale); write nothing.")
    var list = false

    @Flag(inversion: .prefixedNo,
          help: "Delete files an earlier run generated here and this one does not (listed in .kidlc-manifest).")
    var clean: Bool?

    @Flag(help: "Print the resolved configuration first, and after writing each file with its status.")
    var verbose = false

    @Flag(name: .customLong("warnings-as-errors"), help: "Treat warnings as errors.")
    var warningsAsErrors = false

    @Flag(help: "Print how long each stage of the front end took (to standard error).")
    var timing = false

    func run() throws {
        let configuration = try resolvedConfiguration()
        if verbose { printConfiguration(configuration) }

        var options = configuration.generationOptions
        options.layout = try fileLayout(targets: configuration.targets)

        let schema = try InputOptions.load(paths: configuration.inputs,
                                           importPaths: configuration.importPaths + fallbackImportPaths,
                                           warningsAsErrors: warningsAsErrors, timing: timing)
        let files: [GeneratedFile]
        var generationDiagnostics = Diagnostics()
        do {
            files = try Generator.generate(schema, options: options, diagnostics: &generationDiagnostics)
        } catch {
            Self.printError(error.description)
            throw ExitCode(1)
        }
        // Warnings of generation itself (unresolved references in doc text); as errors, nothing is written.
        if DiagnosticPrinter.printGeneration(generationDiagnostics, warningsAsErrors: warningsAsErrors) {
            throw ExitCode(1)
        }

        let writer = OutputWriter(directory: configuration.output, clean: configuration.clean)
        do {
            let plan = try writer.plan(files)
            if dryRun || list {
                FileHandle.standardOutput.write(Data(plan.listing.utf8))
                if dryRun { Self.printError(plan.summary(dryRun: true)) }
                return
            }
            try writer.apply(plan)
            if verbose { FileHandle.standardOutput.write(Data(plan.listing.utf8)) }
            Self.printError(plan.summary(dryRun: false))
        } catch {
            Self.printError(error.description)
            throw ExitCode(1)
        }
    }

    /// Flags over the configuration file over defaults. Bad flags are usage errors (exit 2, with usage);
    /// problems in the file are printed with their place in it (exit 2).
    private func resolvedConfiguration() throws -> GenerateConfiguration {
        let flags = try flagSettings()
        if noConfig, let config { throw ValidationError("--no-config and --config '\(config)' contradict each other") }
        let filePath = noConfig ? nil : config ?? (FileManager.default.fileExists(atPath: ConfigurationFile.defaultName)
                                                   ? ConfigurationFile.defaultName : nil)
        var file: GenerateSettings?
        if let filePath {
            do {
                file = try ConfigurationFile.load(filePath)
            } catch {
                Self.printError(error.description)
                throw ExitCode(2)
            }
        }
        let configuration: GenerateConfiguration
        do {
            configuration = try GenerateConfiguration.merge(flags: flags, file: file, filePath: filePath)
        } catch {
            throw ValidationError(error.problems.map(\.message).joined(separator: "\n"))
        }
        if let templates = configuration.templates {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: templates, isDirectory: &isFolder) || !isFolder.boolValue {
                throw ValidationError("templates folder '\(templates)' does not exist")
            }
        }
        return configuration
    }

    /// `--layout`, checked against the targets: the fixed layout has names for Swift server and client files only.
    private func fileLayout(targets: [GenerationTarget]) throws -> FileLayout {
        guard let layout else { return .perModule }
        guard let value = FileLayout(rawValue: layout) else {
            throw ValidationError("--layout: unknown layout '\(layout)' (one of: \(FileLayout.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let unsupported = targets.filter { $0 != .swiftServer && $0 != .swiftClient }
        if value == .fixed, !unsupported.isEmpty {
            let names = unsupported.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw ValidationError("--layout fixed writes swift-server and swift-client files only, not \(names); generate those with the default layout (or `swift package kidlc-generate`)")
        }
        return value
    }

    /// The settings given on the command line.
    private func flagSettings() throws -> GenerateSettings {
        var settings = GenerateSettings()
        if !paths.isEmpty { settings.inputs = paths }
        if !importPaths.isEmpty { settings.importPaths = importPaths }
        if !targets.isEmpty {
            settings.targets = try targets.map { try GenerateSettings.target(named: $0).usage("--target") }
        }
        settings.output = output
        settings.access = try access.map { try GenerateSettings.access(named: $0).usage("--access") }
        settings.templates = templates
        if !swiftModules.isEmpty {
            var modules: [String: String] = [:]
            for text in swiftModules {
                let (kmd, swift) = try GenerateSettings.swiftModule(text).usage("--swift-module")
                modules[kmd] = swift
            }
            settings.swiftModules = modules
        }
        settings.clean = clean
        return settings
    }

    /// Every setting with its value and where it came from, on standard error.
    private func printConfiguration(_ configuration: GenerateConfiguration) {
        func origin(_ isSet: Bool) -> GenerateConfiguration.Origin { isSet ? .flag : .default }
        let file = configuration.configFile.map { "configuration file \($0)" }
            ?? "no configuration file (no --config, no \(ConfigurationFile.defaultName) here)"
        let rows = configuration.rows + [
            ("dryRun", String(dryRun), origin(dryRun)),
            ("list", String(list), origin(list)),
            ("verbose", String(verbose), origin(verbose)),
            ("warningsAsErrors", String(warningsAsErrors), origin(warningsAsErrors)),
            ("timing", String(timing), origin(timing)),
        ]
        Self.printError("kidlc: generate with \(file):\n" + GenerateConfiguration.format(rows), newline: false)
    }

    private static func printError(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }
}

private extension Result where Failure == SettingError {
    /// The value, or a usage error naming the flag.
    func usage(_ flag: String) throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw ValidationError("\(flag): \(error.message)")
        }
    }
}
