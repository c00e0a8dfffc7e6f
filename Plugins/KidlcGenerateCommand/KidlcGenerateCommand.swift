import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory kidlc-generate [--target T …] [--kidlc-target KIND …]
/// [--output DIR]`: runs `kidlc generate` (default layout) on the kmd files of each target that holds some —
/// for what the build plugin does not emit (C shims, docs), or to commit generated code.
///
/// KIND defaults to the `targets` of the target's `kidlc.yaml` (`swift-server` without one); the output folder is `Generated/<target>` in the
/// package (or `--output`, relative to the package). Every other setting comes from the target's `kidlc.yaml`,
/// and the platform modules of the kidl package are searched last, as in the build plugin.
@main
struct KidlcGenerateCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let kinds = extractor.extractOption(named: "kidlc-target")
        let outputs = extractor.extractOption(named: "output")
        if let unknown = extractor.remainingArguments.first {
            throw KidlGenerateError.usage("unknown argument '\(unknown)'; use [--target T …] [--kidlc-target KIND …] [--output DIR]")
        }
        guard outputs.count <= 1 else { throw KidlGenerateError.usage("--output is given \(outputs.count) times") }
        if outputs.first != nil, targetNames.count != 1 {
            throw KidlGenerateError.usage("--output needs exactly one --target (each target gets its own output folder)")
        }

        let package = context.package
        let targets = try selectedTargets(package, names: targetNames)
        let kidlc = try context.tool(named: "kidlc")
        let platform = KidlPackage.platformModules(from: package)
        for target in targets {
            let inputs = try KidlcInputs(target: target)
            var arguments = ["generate"] + inputs.kmdFiles.map(\.path) + inputs.settingsArguments(kinds: kinds)
            let output = try Self.outputFolder(outputs.first ?? "Generated/\(target.name)", in: package.directoryURL)
            arguments += ["--output", output.path]
            for folder in platform { arguments += ["--fallback-import-path", folder.path] }
            print("kidlc-generate: target \(target.name): kidlc \(arguments.joined(separator: " "))")
            let status = try run(kidlc.url, arguments, in: package.directoryURL)
            guard status == 0 else { throw KidlPluginError.kidlcFailed(target: target.name, status: status) }
        }
    }

    /// The named targets (each must hold kmd files), or every target that holds some.
    private func selectedTargets(_ package: Package, names: [String]) throws -> [SourceModuleTarget] {
        if names.isEmpty {
            let all = package.targets.compactMap { $0 as? SourceModuleTarget }
                .filter { $0.sourceFiles.contains { $0.url.lastPathComponent.hasSuffix(".kmd.json") } }
            guard !all.isEmpty else { throw KidlGenerateError.usage("no target of this package holds a *.kmd.json file") }
            return all
        }
        return try names.map { name in
            guard let target = package.targets.first(where: { $0.name == name }) as? SourceModuleTarget else {
                throw KidlPluginError.noSuchTarget(name)
            }
            return target
        }
    }

    /// `path` relative to the package folder; it must stay inside it (the permission asked is for the package).
    static func outputFolder(_ path: String, in package: URL) throws -> URL {
        let folder = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appending(path: path)).standardizedFileURL
        let root = package.standardizedFileURL.path
        guard folder.path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw KidlGenerateError.usage("--output '\(path)' is outside the package folder \(root)")
        }
        return folder
    }

    /// Runs kidlc in the package folder; its output goes straight to this command's.
    private func run(_ tool: URL, _ arguments: [String], in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

enum KidlGenerateError: Error, CustomStringConvertible {
    case usage(String)
    var description: String {
        switch self { case .usage(let message): "kidlc-generate: \(message)" }
    }
}
