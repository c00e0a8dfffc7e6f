import Foundation
import PackagePlugin

/// The build-tool plugin: runs `kidlc generate --layout fixed` on the `*.kmd.json` files of the target it is
/// applied to, with the target's `kidlc.yaml` if it has one (else it generates `swift-server` code), into the
/// plugin's work directory. The output names are fixed (kidlc's fixed layout), so SwiftPM knows them before
/// kidlc runs and reruns it only when an input changed: a kmd file, the configuration, the platform modules, or
/// kidlc itself.
@main
struct KidlcPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = try KidlcInputs(target: target)
        let kidlc = try context.tool(named: "kidlc")
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let platform = KidlPackage.platformModules(from: context.package)

        var arguments = ["generate"] + inputs.kmdFiles.map(\.path) + ["--layout", "fixed", "--output", output.path]
        arguments += inputs.settingsArguments()
        for folder in platform { arguments += ["--fallback-import-path", folder.path] }

        return [
            .buildCommand(
                displayName: "kidlc: generating Swift code for \(target.name) from \(inputs.kmdFiles.map(\.lastPathComponent).joined(separator: ", "))",
                executable: kidlc.url,
                arguments: arguments,
                inputFiles: inputs.kmdFiles + (inputs.configFile.map { [$0] } ?? []) + KidlPackage.kmdFiles(in: platform) + [kidlc.url],
                outputFiles: FixedLayout.fileNames.map { output.appending(path: $0) })
        ]
    }
}

/// The names kidlc's fixed layout writes (`FixedLayout.fileNames` in KurentoIDLCodegen; a test keeps them equal).
enum FixedLayout {
    static let fileNames = [
        "KidlServerTypes.swift", "KidlServerEvents.swift", "KidlServerClasses.swift", "KidlServerGlue.swift",
        "KidlServerModule.swift", "KidlServerEntry.swift",
        "KidlClientTypes.swift", "KidlClientEvents.swift", "KidlClientClasses.swift", "KidlClientModule.swift",
    ]
}
