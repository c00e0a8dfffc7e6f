import Foundation
import PackagePlugin

/// What kidlc reads for one target: its `*.kmd.json` files (sorted, in any subfolder) and its `kidlc.yaml`.
struct KidlcInputs {
    static let configName = "kidlc.yaml"

    let kmdFiles: [URL]
    /// `kidlc.yaml` in the target's own folder, if there is one (SwiftPM lists it among the target's files).
    let configFile: URL?

    init(target: SourceModuleTarget) throws {
        let files = target.sourceFiles.map(\.url)
        kmdFiles = files.filter { $0.lastPathComponent.hasSuffix(".kmd.json") }.sorted { $0.path < $1.path }
        // The target's own folder's file: the shallowest of the target's files with that name.
        configFile = files.filter { $0.lastPathComponent == Self.configName }.min { $0.pathComponents.count < $1.pathComponents.count }
        guard !kmdFiles.isEmpty else { throw KidlPluginError.noKmdFiles(target: target.name) }
    }

    /// The arguments that read the configuration — the target's file, or none at all (not a `kidlc.yaml` that
    /// happens to be in the working directory) — and choose what to generate: `kinds` when given, else the
    /// configuration's `targets`, else `swift-server`.
    func settingsArguments(kinds: [String] = []) -> [String] {
        let config = configFile.map { ["--config", $0.path] } ?? ["--no-config"]
        let targets = kinds.isEmpty && configFile == nil ? ["swift-server"] : kinds
        return config + targets.flatMap { ["--target", $0] }
    }
}

/// The kidl package in the package graph (the one whose `kidlc` the plugins run), and its platform modules.
enum KidlPackage {
    /// `idl/core`, `idl/elements` and `idl/filters` of the kidl package: the modules every plugin module
    /// imports. kidlc searches them after the configuration's `importPaths`.
    static func platformModules(from root: Package) -> [URL] {
        guard let kidl = find(in: root) else { return [] }
        return ["core", "elements", "filters"]
            .map { kidl.directoryURL.appending(path: "idl").appending(path: $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The package that has the `kidlc` executable product: the root itself, or a dependency at any depth.
    static func find(in root: Package) -> Package? {
        var queue = [root], seen: Set<String> = []
        while !queue.isEmpty {
            let package = queue.removeFirst()
            guard seen.insert(package.directoryURL.path).inserted else { continue }
            if package.products(ofType: ExecutableProduct.self).contains(where: { $0.name == "kidlc" }) { return package }
            queue += package.dependencies.map(\.package)
        }
        return nil
    }

    /// Every `*.kmd.json` under `folders`, sorted: inputs of the build command.
    static func kmdFiles(in folders: [URL]) -> [URL] {
        folders.flatMap { folder -> [URL] in
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            return (walker?.allObjects as? [URL] ?? []).filter { $0.lastPathComponent.hasSuffix(".kmd.json") }
        }.sorted { $0.path < $1.path }
    }
}

/// Why a plugin cannot go on, in words for `swift build` / `swift package` output.
enum KidlPluginError: Error, CustomStringConvertible {
    case noKmdFiles(target: String)
    case noSuchTarget(String)
    case kidlcFailed(target: String, status: Int32)

    var description: String {
        switch self {
        case .noKmdFiles(let target):
            "target '\(target)' has no *.kmd.json file; add one, or do not apply the kidl plugin to it"
        case .noSuchTarget(let name):
            "no target named '\(name)' in this package"
        case .kidlcFailed(let target, let status):
            "kidlc failed for target '\(target)' (exit status \(status)); its messages are above"
        }
    }
}
