import Foundation
#if !KIDL_FUZZER
@testable import KurentoIDL
#endif

/// What the kmd fuzzer checks for one input (shared by Fuzz/KmdFuzzer and FuzzRegressionTests): the input's
/// files go through the reader, the decoder, grouping and fusion, import and type resolution and every
/// validation rule, with the project's core, elements and filters modules (idl/) on the search path. Beyond
/// not crashing, no diagnostic may point outside the input's files, and a module that checks clean must read
/// back from its own dump as a clean module with the same dump.
enum KmdFuzzOracle {
    /// The platform modules, read once (`KIDL_FUZZ_IDL` names another idl/ folder).
    static let platform: [ModuleSyntax] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = ProcessInfo.processInfo.environment["KIDL_FUZZ_IDL"] ?? root.appendingPathComponent("idl").path
        let sources: [Frontend.Source] = ["core", "elements", "filters"].map { name in
            let path = "\(folder)/\(name)/\(name).kmd.json"
            guard let data = FileManager.default.contents(atPath: path) else { fatalError("kmd fuzz oracle: cannot read \(path)") }
            return ("idl/\(name)/\(name).kmd.json", [UInt8](data))
        }
        var diags = Diagnostics()
        let modules = Frontend.modules(fromSources: sources, isDependency: true, &diags)
        precondition(!diags.hasErrors && modules.count == 3, "kmd fuzz oracle: the platform modules do not read cleanly")
        return modules
    }()
    /// The platform resolved and validated once: most inputs import it (`kurentoVersion` alone does), and
    /// resolving it again for each of them took most of the fuzzer's time.
    static let prepared = PreparedDependencies(platform)
    static let platformFiles = Set(platform.flatMap(\.paths))
    static let platformNames: Set<String> = ["core", "elements", "filters"]

    /// The first problem found, or nil.
    static func check(_ files: [Frontend.Source]) -> String? {
        var diags = Diagnostics()
        let inputs = Frontend.modules(fromSources: files, isDependency: false, &diags)
        let result = Frontend.assemble(inputs: inputs, dependencies: prepared, diags: diags, dependencyDiags: Diagnostics())
        let known = Set(files.map(\.path)).union(platformFiles)
        for d in result.diagnostics.all {
            _ = d.description
            guard let location = d.location else { continue }
            if !known.contains(location.file) || location.line < 1 || location.column < 1 {
                return "diagnostic at an impossible place \(location.file):\(location.line):\(location.column): \(d)"
            }
        }
        guard !result.hasErrors, let schema = result.schema else { return nil }
        for name in schema.inputModules where !platformNames.contains(name) {
            // Only a module that imports nothing but the platform can be read back alone.
            guard let module = schema.modules[name], module.imports.allSatisfy({ platformNames.contains($0.name) }) else { continue }
            let text = JSONWriter.write(ModelDump.json(module, in: schema), sortKeys: true)
            let again = Frontend.run(sources: [("dump/\(name).kmd.json", Array(text.utf8))], platform: prepared)
            guard let reread = again.schema?.modules[name], !again.hasErrors, let schema2 = again.schema else {
                return "the dump of clean module '\(name)' does not check clean: \(again.diagnostics.all.prefix(3))\n\(text)"
            }
            let text2 = JSONWriter.write(ModelDump.json(reread, in: schema2), sortKeys: true)
            if text2 != text { return "the dump of module '\(name)' changes when read back:\n\(text)\n---\n\(text2)" }
        }
        return nil
    }
}

private extension Frontend {
    static func run(sources: [Frontend.Source], platform: PreparedDependencies) -> Result {
        var diags = Diagnostics()
        let inputs = modules(fromSources: sources, isDependency: false, &diags)
        return assemble(inputs: inputs, dependencies: platform, diags: diags, dependencyDiags: Diagnostics())
    }
}
